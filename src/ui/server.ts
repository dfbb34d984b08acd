/** The pages' link to the add-on: google.script.run as promises typed by ServerApi, and plain-words errors. */
import type { ServerApi } from '../core/pages';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: { message?: string } | string) => void): ScriptRunner;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRunner; host: { close(): void } } };
    __INITIAL__?: unknown;
  }
}

export const OUTSIDE_SHEETS = 'This page works inside Google Sheets: open it from the Follow-ups menu.';

/** Calls a server function of the add-on (src/main.ts); rejects with a sentence a person can act on. */
export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run) {
      reject(new Error(OUTSIDE_SHEETS));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => {
        const message = typeof error === 'string' ? error : (error?.message ?? 'Something went wrong.');
        reject(new Error(message.replace(/^(Exception|Error):\s*/, '')));
      });
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`The add-on has no function ${name}.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

export function closeDialog(): void {
  window.google?.script?.host?.close();
}

/** Builds an element with text content only (never innerHTML from data). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}
