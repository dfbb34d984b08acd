/**
 * How a run talks to Gmail: every call through one gate that retries passing outages and turns quota, permission
 * and lasting failures into one message for the user.
 */
import type { Clock } from '../ports';
import { errorText, gmailStopped } from './messages';

/** Stops the Gmail work for this run with a message for the user; what was done so far is still written. */
export class GmailStop extends Error {}

/** A Gmail call that failed for a reason other than quota, permission or a passing outage. */
export class GmailFailure extends Error {}

/** Apps Script's "Exceeded maximum execution time": never caught, so the platform ends the run as it must. */
export function isTimeLimit(error: unknown): boolean {
  return /maximum execution time/i.test(errorText(error));
}

const RATE_LIMITED =
  /rate limit|user-rate|rate exceeded|too many requests|too many concurrent|resource has been exhausted|quota exceeded|\b429\b/i;
const TRANSIENT = new RegExp(
  `${RATE_LIMITED.source}|backend error|internal error|unavailable|\\b50[0-4]\\b|timed out|try again`,
  'i',
);

/** The HTTP status of a failed advanced-service call (Apps Script's GoogleJsonResponseException has `details.code`). */
function statusOf(error: unknown): number | null {
  const code = (error as { details?: { code?: unknown } } | null)?.details?.code;
  return typeof code === 'number' ? code : null;
}

export type GmailGate = <T>(call: () => T) => T;

/**
 * A gate for Gmail calls: retries twice (after 1 s, then 2 s) on a passing outage; quota, permission, rate limits
 * and lasting outages throw GmailStop with what to do; anything else GmailFailure. `drafted` says how many drafts
 * the run has made so far, for the message.
 */
export function gmailGate(clock: Clock, drafted: () => number): GmailGate {
  return <T>(call: () => T): T => {
    for (let attempt = 0; ; attempt++) {
      try {
        return call();
      } catch (error) {
        const message = errorText(error);
        const status = statusOf(error);
        const rateLimited = status === 429 || RATE_LIMITED.test(message);
        const transient = rateLimited || (status !== null && status >= 500) || TRANSIENT.test(message);
        if (/too many times for one day/i.test(message)) throw new GmailStop(gmailStopped.dailyLimit(drafted()));
        if (/permission|authori[sz]/i.test(message)) throw new GmailStop(gmailStopped.noPermission(message, drafted()));
        if (isTimeLimit(error)) throw error;
        if (transient && attempt < 2) {
          clock.sleep(1000 * 2 ** attempt);
          continue;
        }
        if (rateLimited) throw new GmailStop(gmailStopped.slowDown(message, drafted()));
        if (transient) throw new GmailStop(gmailStopped.notAnswering(message, drafted()));
        throw new GmailFailure(message);
      }
    }
  };
}
