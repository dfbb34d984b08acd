/**
 * Gmail's per-user rate-limit answers as injectable faults: a test makes the Nth call of a method (and, with
 * `always`, every later one) fail as Gmail does, a GoogleJsonResponseException whose `details.code` is 429 or 403.
 */
import type { Runtime } from '../runtime';

/** `rate-limit`: 429 "User-rate limit exceeded"; `quota`: 403 "Quota exceeded for quota metric …" (per user). */
export type GmailFaultKind = 'rate-limit' | 'quota';

export interface GmailFault {
  /** The Apps Script call, e.g. `Gmail.Users.Drafts.create`. */
  method: string;
  kind: GmailFaultKind;
  /** The call (1-based, counted over the runtime's life as `CallInfo.count`) that fails first. Default 1. */
  nth?: number;
  /** `once` (default): only call `nth` fails; `always`: it and every later call fail. */
  times?: 'once' | 'always';
}

const FAULTS = new WeakMap<Runtime, GmailFault[]>();

/** Makes calls of `fault.method` fail as Gmail's rate limits do, from its `nth` call on. */
export function injectGmailFault(runtime: Runtime, fault: GmailFault): void {
  const list = FAULTS.get(runtime) ?? [];
  list.push(fault);
  FAULTS.set(runtime, list);
}

/** The HTTP code and message Gmail answers for the current call, or undefined when no fault applies. */
export function gmailFaultFor(runtime: Runtime, method: string): { code: number; message: string } | undefined {
  const count = runtime.methodCalls[method] ?? 0;
  const fault = FAULTS.get(runtime)?.find((f) => {
    const nth = f.nth ?? 1;
    return f.method === method && (f.times === 'always' ? count >= nth : count === nth);
  });
  if (fault === undefined) return undefined;
  const retry = new Date(runtime.now + 60_000).toISOString();
  // The wording of Gmail's usage-limit errors (Gmail API guide, "Resolve errors": 403 and 429 rateLimitExceeded).
  return fault.kind === 'rate-limit'
    ? { code: 429, message: `User-rate limit exceeded.  Retry after ${retry}` }
    : {
        code: 403,
        message:
          "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'gmail.googleapis.com' for consumer 'project_number:1000000000000'.",
      };
}
