/** Auto-replies recognised by their subject, so an out-of-office never counts as the employer's reply. */

// Outlook, Gmail and Exchange prefixes in English, French, German and Spanish (docs/RULES.md §5).
const AUTO_REPLY_SUBJECT =
  /^\s*(?:automatic reply|auto[- ]?reply|auto[- ]?response|out of (?:the )?office|r[ée]ponse automatique|absence du bureau|automatische antwort|abwesenheitsnotiz|respuesta autom[áa]tica|fuera de la oficina)\b/iu;

/** True when a subject starts like an automatic reply ("Automatic reply:", "Out of Office:", "Réponse automatique"…). */
export function isAutoReplySubject(subject: string): boolean {
  return AUTO_REPLY_SUBJECT.test(subject);
}
