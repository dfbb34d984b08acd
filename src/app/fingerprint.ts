/** Short fingerprints of text, to tell whether something stored still matches (not for security). */

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit number. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The text's FNV-1a hash in base 36, exactly `chars` characters long (1–7; 36⁵ ≈ 60 million values). */
export function fingerprint(text: string, chars: number): string {
  return fnv1a(text).toString(36).padStart(chars, '0').slice(-chars);
}
