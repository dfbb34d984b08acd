/** Subjects and References that fit their limits without breaking a word, a character or a Gmail thread. */

/** RFC 5322 §2.1.1: a header line is at most 998 characters; "References: " takes 12 of them. */
export const REFERENCES_MAX = 998 - 'References: '.length;

const JOINER = /[\u200d\ufe0e\ufe0f\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff\ufe20-\ufe2f]|\ud83c[\udffb-\udfff]/u;

/**
 * A new subject cut to at most `max` UTF-16 units (default 250), ending with "…" when cut: on the last space
 * if one falls in the second half, else on a character boundary that never splits a surrogate pair, a
 * combining mark, an emoji modifier or a zero-width-joiner sequence (docs/DECISIONS.md "Mail").
 */
export function shortenSubject(subject: string, max = 250): string {
  if (subject.length <= max) return subject;
  const room = max - 1;
  const chars = Array.from(subject);
  let out = '';
  let end = 0;
  for (let i = 0; i < chars.length; i += 1) {
    if (out.length + (chars[i] ?? '').length > room) break;
    out += chars[i] ?? '';
    const next = chars[i + 1];
    if (chars[i] !== '\u200d' && (next === undefined || !JOINER.test(next))) end = out.length;
  }
  let cut = out.slice(0, end);
  const space = cut.lastIndexOf(' ');
  if (space >= room / 2) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/**
 * References ids joined by spaces, the oldest dropped until the line fits REFERENCES_MAX; the first id (the
 * thread's root) is kept when it fits, as RFC 5322 §3.6.4 suggests.
 */
export function fitReferences(ids: readonly string[]): string {
  const kept = [...ids];
  while (kept.length > 1 && kept.join(' ').length > REFERENCES_MAX) {
    kept.splice(kept.length > 2 ? 1 : 0, 1);
  }
  const line = kept.join(' ');
  return line.length > REFERENCES_MAX ? '' : line;
}
