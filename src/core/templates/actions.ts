/** The follow-ups of docs/RULES.md §3 and how they read in the sheet (the sheet's words stay English). */

export const ACTIONS = [
  'thank-you',
  'check-in',
  'second-follow-up',
  'monthly-check-in',
  'application-check-in',
] as const;
export type Action = (typeof ACTIONS)[number];

/** How the action reads in the sheet (Next follow-up column) and in summaries. */
export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  'thank-you': 'Thank-you note',
  'check-in': 'Check-in',
  'second-follow-up': 'Second follow-up',
  'monthly-check-in': 'Monthly check-in',
  'application-check-in': 'Application check-in',
};
