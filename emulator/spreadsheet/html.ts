/** HtmlService: outputs from files or strings, and templates with `<?= ?>`, `<?!= ?>` and `<? ?>` scriptlets. */
import type { Ctx } from './context';

type Output = GoogleAppsScript.HTML.HtmlOutput;
type Template = GoogleAppsScript.HTML.HtmlTemplate;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export class HtmlOutputFake
  implements
    Pick<
      Output,
      | 'append'
      | 'appendUntrusted'
      | 'clear'
      | 'getContent'
      | 'getHeight'
      | 'getTitle'
      | 'getWidth'
      | 'setContent'
      | 'setHeight'
      | 'setSandboxMode'
      | 'setTitle'
      | 'setWidth'
      | 'setXFrameOptionsMode'
    >
{
  readonly self: Output;
  content: string;
  title = '';
  /** Null until set: the dialog or sidebar then uses its default size. */
  width: number | null = null;
  height: number | null = null;
  xFrameOptionsMode: string | null = null;

  constructor(
    private readonly ctx: Ctx,
    content: string,
  ) {
    this.content = content;
    this.self = ctx.wrap('HtmlOutput', this);
  }

  append(addedContent: string): Output {
    this.ctx.chargeHtml('HtmlOutput.append');
    this.content += String(addedContent);
    return this.self;
  }

  appendUntrusted(addedContent: string): Output {
    this.ctx.chargeHtml('HtmlOutput.appendUntrusted');
    this.content += escapeHtml(String(addedContent));
    return this.self;
  }

  clear(): Output {
    this.ctx.chargeHtml('HtmlOutput.clear');
    this.content = '';
    return this.self;
  }

  getContent(): string {
    this.ctx.chargeHtml('HtmlOutput.getContent');
    return this.content;
  }

  setContent(content: string): Output {
    this.ctx.chargeHtml('HtmlOutput.setContent');
    this.content = String(content);
    return this.self;
  }

  getTitle(): string {
    this.ctx.chargeHtml('HtmlOutput.getTitle');
    return this.title;
  }

  setTitle(title: string): Output {
    this.ctx.chargeHtml('HtmlOutput.setTitle');
    this.title = String(title);
    return this.self;
  }

  getWidth(): number {
    this.ctx.chargeHtml('HtmlOutput.getWidth');
    return this.width ?? 0;
  }

  setWidth(width: number): Output {
    this.ctx.chargeHtml('HtmlOutput.setWidth');
    if (typeof width !== 'number') throw this.ctx.signatureError('HtmlService.HtmlOutput.setWidth', [width]);
    this.width = Math.trunc(width);
    return this.self;
  }

  getHeight(): number {
    this.ctx.chargeHtml('HtmlOutput.getHeight');
    return this.height ?? 0;
  }

  setHeight(height: number): Output {
    this.ctx.chargeHtml('HtmlOutput.setHeight');
    if (typeof height !== 'number') throw this.ctx.signatureError('HtmlService.HtmlOutput.setHeight', [height]);
    this.height = Math.trunc(height);
    return this.self;
  }

  /** Deprecated in Apps Script (IFRAME is the only mode); accepted and ignored. */
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): Output {
    this.ctx.chargeHtml('HtmlOutput.setSandboxMode');
    return this.self;
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): Output {
    this.ctx.chargeHtml('HtmlOutput.setXFrameOptionsMode');
    this.xFrameOptionsMode = String(mode);
    return this.self;
  }
}

/** Compiles a template into the body of `function (__scope, __esc, __raw)` returning the page. */
function compileTemplate(source: string): string {
  const parts: string[] = ['var __out = [];', 'with (__scope) {'];
  const re = /<\?(!?=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    if (m.index > last) parts.push(`__out.push(${JSON.stringify(source.slice(last, m.index))});`);
    const code = m[2]!.trim().replace(/;+$/, '');
    if (m[1] === '=') parts.push(`__out.push(__esc(${code}));`);
    else if (m[1] === '!=') parts.push(`__out.push(__raw(${code}));`);
    else parts.push(`${m[2]}\n`);
    last = re.lastIndex;
  }
  if (last < source.length) parts.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  parts.push('}', "return __out.join('');");
  return parts.join('\n');
}

function printable(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

export class HtmlTemplateFake implements Pick<Template, 'evaluate' | 'getCode' | 'getRawContent'> {
  declare private readonly internals: { ctx: Ctx; source: string; self: Template };

  constructor(ctx: Ctx, source: string) {
    // Internals are not enumerable, so the template's own enumerable properties are exactly what the script set.
    const internals = { ctx, source, self: null as unknown as Template };
    Object.defineProperty(this, 'internals', { value: internals, enumerable: false });
    internals.self = ctx.wrap('HtmlTemplate', this);
  }

  get self(): Template {
    return this.internals.self;
  }

  getRawContent(): string {
    this.internals.ctx.chargeHtml('HtmlTemplate.getRawContent');
    return this.internals.source;
  }

  getCode(): string {
    this.internals.ctx.chargeHtml('HtmlTemplate.getCode');
    return compileTemplate(this.internals.source);
  }

  evaluate(): Output {
    const { ctx, source } = this.internals;
    ctx.chargeHtml('HtmlTemplate.evaluate');
    const props: Record<string, unknown> = {};
    for (const key of Object.keys(this)) props[key] = (this as unknown as Record<string, unknown>)[key];
    const scriptFunction = ctx.options.scriptFunction;
    const body = compileTemplate(source);
    let scope: object = props;
    if (!scriptFunction) {
      // Without the script's realm, names the template does not define are not found (as in a fresh scope).
      scope = new Proxy(props, {
        has: (_t, key) => typeof key === 'string' && !key.startsWith('__'),
        get: (t, key) => {
          if (key === Symbol.unscopables) return undefined;
          if (typeof key === 'string' && key in t) return t[key];
          throw new ReferenceError(`${String(key)} is not defined`);
        },
      });
    }
    const Fn = scriptFunction ?? Function;
    const run = new Fn('__scope', '__esc', '__raw', body) as (
      scope: object,
      esc: (v: unknown) => string,
      raw: (v: unknown) => string,
    ) => string;
    const html = run(scope, (v) => escapeHtml(printable(v)), printable);
    return new HtmlOutputFake(ctx, html).self;
  }
}

type HtmlServiceMethods =
  | 'SandboxMode'
  | 'XFrameOptionsMode'
  | 'createHtmlOutput'
  | 'createHtmlOutputFromFile'
  | 'createTemplate'
  | 'createTemplateFromFile';

export class HtmlServiceFake implements Pick<GoogleAppsScript.HTML.HtmlService, HtmlServiceMethods> {
  readonly self: GoogleAppsScript.HTML.HtmlService;
  readonly SandboxMode = Object.freeze({
    EMULATED: 'EMULATED',
    IFRAME: 'IFRAME',
    NATIVE: 'NATIVE',
  }) as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = Object.freeze({
    ALLOWALL: 'ALLOWALL',
    DEFAULT: 'DEFAULT',
  }) as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;

  constructor(private readonly ctx: Ctx) {
    this.self = ctx.wrap('HtmlService', this);
  }

  private source(method: string, value: unknown): string {
    if (value === undefined) return '';
    if (typeof value === 'string') return value;
    const blob = value as { getDataAsString?: () => string; getBlob?: () => { getDataAsString(): string } };
    if (typeof blob?.getDataAsString === 'function') return blob.getDataAsString();
    if (typeof blob?.getBlob === 'function') return blob.getBlob().getDataAsString();
    throw this.ctx.signatureError(`HtmlService.${method}`, [value]);
  }

  private file(name: string): string {
    if (typeof name !== 'string') throw this.ctx.signatureError('HtmlService.createHtmlOutputFromFile', [name]);
    const html = this.ctx.options.htmlFiles(name);
    if (html === null) throw this.ctx.error(`No HTML file named ${name} was found.`);
    return html;
  }

  createHtmlOutput(html?: unknown): Output {
    this.ctx.chargeHtml('HtmlService.createHtmlOutput');
    return new HtmlOutputFake(this.ctx, this.source('createHtmlOutput', html)).self;
  }

  createHtmlOutputFromFile(filename: string): Output {
    this.ctx.chargeHtml('HtmlService.createHtmlOutputFromFile');
    return new HtmlOutputFake(this.ctx, this.file(filename)).self;
  }

  createTemplate(html: unknown): Template {
    this.ctx.chargeHtml('HtmlService.createTemplate');
    return new HtmlTemplateFake(this.ctx, this.source('createTemplate', html)).self;
  }

  createTemplateFromFile(filename: string): Template {
    this.ctx.chargeHtml('HtmlService.createTemplateFromFile');
    return new HtmlTemplateFake(this.ctx, this.file(filename)).self;
  }
}
