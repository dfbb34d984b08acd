/** Locale facts Sheets uses for typed entry and number formats. */

export interface LocaleSeparators {
  decimal: string;
  group: string;
  /** en_US reads `1/2/2026` month first; every other locale day first. */
  monthFirst: boolean;
}

const separatorsCache = new Map<string, LocaleSeparators>();

/** `en_US` → `en-US`. */
export function bcp47(locale: string): string {
  return locale.replace('_', '-');
}

/** The locale's decimal and grouping separators, as Sheets uses them for typed numbers and number formats. */
export function localeSeparators(locale: string): LocaleSeparators {
  let seps = separatorsCache.get(locale);
  if (!seps) {
    let decimal = '.';
    let group = ',';
    try {
      for (const p of new Intl.NumberFormat(bcp47(locale)).formatToParts(12345.5)) {
        if (p.type === 'decimal') decimal = p.value;
        if (p.type === 'group') group = p.value;
      }
    } catch {
      // An unknown locale reads like en_US.
    }
    seps = { decimal, group, monthFirst: locale === 'en_US' };
    separatorsCache.set(locale, seps);
  }
  return seps;
}
