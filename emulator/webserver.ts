/**
 * Serves the add-on's built pages (dist/sidebar.html, dist/settings.html) to a real browser, with
 * `google.script.run` and `google.script.host` bridged to the add-on running in the emulator: each server call
 * the page makes becomes `POST /run/<name>` and one `emulator.run(name, 'menu', args)`, as one Apps Script
 * execution per call. Listens on 127.0.0.1 with an ephemeral port; the page needs nothing else.
 *
 *   GET  /open/<handler>   runs a menu handler (showPreview, showSettings) and serves the page it showed, with its
 *                          injected initial data, as Sheets would open it
 *   GET  /page/<name>      serves dist/<name>.html as built (no initial data: the page loads through run)
 *   POST /run/<name>       { args: [...] } → { ok: true, value } or { ok: false, error }
 *   POST /host/<method>    google.script.host.close() and friends, recorded
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DEFAULT_DIST, type Emulator } from './emulator';

export interface RecordedCall {
  name: string;
  args: unknown[];
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface PageServerOptions {
  emulator: Emulator;
  /** Where the built add-on is; default dist/ beside the emulator. */
  distDir?: string;
}

export interface PageServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** Every google.script.run call the pages made, in order. */
  readonly calls: RecordedCall[];
  /** Every google.script.host call (close, setHeight…), in order. */
  readonly hostCalls: { method: string; args: unknown[] }[];
  /** The page a menu handler shows (`showPreview`), or a built page as is (`sidebar`, without initial data). */
  url(page: { handler: string } | { file: string }): string;
  close(): Promise<void>;
}

/** Names of the top-level functions of the built scripts: what google.script.run offers (not those ending in _). */
export function serverFunctionNames(distDir: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(distDir).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const m of code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)) {
      if (!m[1]!.endsWith('_')) names.add(m[1]!);
    }
  }
  return [...names].sort();
}

/**
 * The client side of google.script.run as Apps Script's HtmlService provides it: a runner with one method per
 * server function; withSuccessHandler / withFailureHandler / withUserObject return a new runner (chainable);
 * each call returns undefined straight away and answers later; the failure handler gets an Error whose message
 * is the server's; arguments that cannot cross (functions, Dates, DOM nodes) throw at the call.
 */
export function shimScript(functionNames: readonly string[]): string {
  return `(function () {
  'use strict';
  var NAMES = ${JSON.stringify(functionNames)};
  function check(value, path) {
    if (value === null || value === undefined) return;
    var type = typeof value;
    if (type === 'string' || type === 'number' || type === 'boolean') return;
    if (type === 'function' || type === 'symbol' || type === 'bigint' || value instanceof Date ||
        (typeof Node !== 'undefined' && value instanceof Node)) {
      throw new Error('Failed due to illegal value in property: ' + path);
    }
    if (Array.isArray(value)) { value.forEach(function (v, i) { check(v, i); }); return; }
    Object.keys(value).forEach(function (k) { check(value[k], k); });
  }
  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (object) { return runner(success, failure, object); }
    };
    NAMES.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        args.forEach(function (v, i) { check(v, i); });
        var fail = function (message) {
          var error = new Error(message);
          error.name = 'ScriptError';
          if (failure) failure(error, userObject);
          else setTimeout(function () { throw error; });
        };
        fetch('/run/' + encodeURIComponent(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ args: args })
        }).then(function (response) { return response.json(); }).then(function (answer) {
          if (answer.ok) { if (success) success(answer.value === undefined ? undefined : answer.value, userObject); }
          else fail(answer.error);
        }, function () { fail('NetworkError: Connection failure due to HTTP 0'); });
      };
    });
    return r;
  }
  function host(method) {
    return function () {
      fetch('/host/' + method, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ args: Array.prototype.slice.call(arguments) }) });
    };
  }
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: { close: host('close'), setHeight: host('setHeight'), setWidth: host('setWidth'),
      editor: { focus: host('editor.focus') }, origin: location.origin }
  };
})();`;
}

/** Puts the shim before the page's first script, so the page finds google.script.run defined. */
export function injectShim(html: string, shim: string): string {
  const tag = `<script>${shim.replace(/<\/script/gi, '<\\/script')}</script>\n`;
  const at = html.search(/<script[\s>]/i);
  if (at >= 0) return html.slice(0, at) + tag + html.slice(at);
  const body = html.search(/<\/body>/i);
  return body >= 0 ? html.slice(0, body) + tag + html.slice(body) : html + tag;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  response.end(body);
}

function argsOf(text: string): unknown[] {
  const parsed = JSON.parse(text || '{}') as { args?: unknown };
  if (!Array.isArray(parsed.args)) throw new Error('expected a JSON body { "args": [...] }');
  return parsed.args;
}

export async function startPageServer(options: PageServerOptions): Promise<PageServer> {
  const { emulator } = options;
  const distDir = options.distDir ?? DEFAULT_DIST;
  const calls: RecordedCall[] = [];
  const hostCalls: { method: string; args: unknown[] }[] = [];

  function pageHtml(path: string): string {
    const shim = shimScript(serverFunctionNames(distDir));
    const open = /^\/open\/([A-Za-z_$][\w$]*)$/.exec(path);
    if (open) {
      const before = emulator.uiLog.dialogs.length;
      const result = emulator.run(open[1]!, 'menu', []);
      if (!result.ok) throw new Error(`${open[1]} failed: ${result.error}`);
      const dialog = emulator.uiLog.dialogs.slice(before).at(-1);
      if (!dialog) throw new Error(`${open[1]} showed no sidebar or dialog`);
      return injectShim(dialog.html, shim);
    }
    const file = /^\/page\/([a-z][\w-]*)(?:\.html)?$/.exec(path);
    const fileName = file ? join(distDir, `${file[1]}.html`) : null;
    if (!fileName || !existsSync(fileName)) throw new NotFound(path);
    return injectShim(readFileSync(fileName, 'utf8'), shim);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method === 'GET') {
      send(response, 200, 'text/html', pageHtml(path));
      return;
    }
    const run = /^\/run\/([A-Za-z_$][\w$]*)$/.exec(path);
    if (request.method === 'POST' && run) {
      const args = argsOf(await readBody(request));
      const result = emulator.run(run[1]!, 'menu', args);
      const answer = result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error ?? 'failed' };
      calls.push({ name: run[1]!, args, ...answer });
      send(response, 200, 'application/json', JSON.stringify(answer));
      return;
    }
    const host = /^\/host\/([\w.]+)$/.exec(path);
    if (request.method === 'POST' && host) {
      hostCalls.push({ method: host[1]!, args: argsOf(await readBody(request)) });
      send(response, 200, 'application/json', '{}');
      return;
    }
    throw new NotFound(path);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      if (error instanceof NotFound) send(response, 404, 'text/plain', `not found: ${error.message}`);
      else send(response, 500, 'text/plain', error.message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    calls,
    hostCalls,
    url(page) {
      return 'handler' in page ? `${origin}/open/${page.handler}` : `${origin}/page/${page.file}`;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

class NotFound extends Error {}
