/**
 * Bounded memos for the cell readers: a tracker repeats the same few texts ("yes", "Applied", "Friday") down
 * thousands of rows, and reading one is pure given the locale and the reference day, so each distinct text is read
 * once. Nested maps keyed by locale, then reference day (a CalendarDate), then the cell text: a lookup allocates
 * nothing. Once more than `limit` texts are held, the memo starts over (it never grows without bound).
 */
import type { CalendarDate } from './dates';

/** Texts longer than this are read every time: a long note is rarely repeated, and a key holds its text alive. */
const LONGEST_KEY = 200;

export class TextMemo<T> {
  private readonly byLocale = new Map<string, Map<CalendarDate, Map<string, T>>>();
  private held = 0;

  constructor(private readonly limit = 20_000) {}

  /**
   * The memoised `read(text, locale, reference)`; `read` must be pure, and a module-level function so that a call
   * allocates no closure.
   */
  get(
    locale: string,
    reference: CalendarDate,
    text: string,
    read: (text: string, locale: string, reference: CalendarDate) => T,
  ): T {
    if (text.length > LONGEST_KEY) return read(text, locale, reference);
    let byDay = this.byLocale.get(locale);
    if (byDay === undefined) {
      byDay = new Map();
      this.byLocale.set(locale, byDay);
    }
    let texts = byDay.get(reference);
    if (texts === undefined) {
      texts = new Map();
      byDay.set(reference, texts);
    }
    const known = texts.get(text);
    if (known !== undefined) return known;
    const value = read(text, locale, reference);
    if (++this.held > this.limit) {
      this.byLocale.clear();
      this.held = 1;
      const fresh = new Map([[text, value]]);
      this.byLocale.set(locale, new Map([[reference, fresh]]));
    } else texts.set(text, value);
    return value;
  }
}
