/** Emoji in headers and cells ("✉️ Applied", "📞 Phone Screen") decorate; the readers drop them before reading. */

// Pictographs, flags, keycaps, skin tones, the emoji and text presentation selectors and the joiner.
const EMOJI =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** The text with every emoji replaced by a space. @example withoutEmoji('✉️ Applied') // '  Applied' */
export function withoutEmoji(text: string): string {
  return text.replace(EMOJI, ' ');
}
