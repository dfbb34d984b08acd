// Bundles the add-on for Apps Script: src/main.ts → dist/Code.js (an IIFE named App) plus one top-level
// forwarding function per export of main.ts, because Apps Script only calls top-level function declarations.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL_NAME = 'App';

/** Writes through a temporary file and a rename, so a test reading dist/ meanwhile never sees half a file. */
function writeAtomic(file, content) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

/** Names exported by the bundle, read by evaluating it in an empty context (which also proves it loads bare). */
export function exportedHandlers(code) {
  const context = vm.createContext({});
  vm.runInContext(`${code}\nthis.__names = Object.keys(${GLOBAL_NAME});`, context, { filename: 'Code.js' });
  return [...context.__names].sort();
}

export function forwardingStubs(names) {
  return names
    .map((name) => `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}`)
    .join('\n');
}

async function buildPages(written) {
  const uiDir = join(root, 'src', 'ui');
  let pages = [];
  try {
    pages = readdirSync(uiDir).filter((f) => f.endsWith('.page.ts'));
  } catch {
    return;
  }
  for (const page of pages) {
    const name = page.replace(/\.page\.ts$/, '');
    const script = await esbuild.build({
      entryPoints: [join(uiDir, page)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      minify: false,
      logLevel: 'silent',
    });
    const html = readFileSync(join(uiDir, `${name}.html`), 'utf8');
    const css = readFileSync(join(uiDir, 'page.css'), 'utf8');
    const js = script.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
    const out = html.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => js);
    writeAtomic(join(dist, `${name}.html`), out);
    written.add(`${name}.html`);
  }
}

export async function build({ quiet = false } = {}) {
  mkdirSync(dist, { recursive: true });
  const written = new Set(['Code.js', 'mimetext.js', 'appsscript.json']);
  const result = await esbuild.build({
    entryPoints: [join(root, 'src', 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const names = exportedHandlers(code);
  const header = '// Built by scripts/build.mjs from src/ — do not edit; run `npm run build`.\n';
  writeAtomic(join(dist, 'Code.js'), `${header}${code}\n${forwardingStubs(names)}\n`);
  // mimetext's Apps Script build defines the global MimeText; it ships as its own file.
  writeAtomic(
    join(dist, 'mimetext.js'),
    readFileSync(join(root, 'node_modules', 'mimetext', 'dist', 'mimetext.gas.iife.js')),
  );
  writeAtomic(join(dist, 'appsscript.json'), readFileSync(join(root, 'appsscript.json')));
  await buildPages(written);
  // Anything else in dist/ is left over from an older build; clasp would push it.
  for (const file of readdirSync(dist)) {
    if (!written.has(file) && !file.endsWith('.tmp')) rmSync(join(dist, file), { force: true });
  }
  if (!quiet) {
    process.stderr.write(`built dist/Code.js with ${names.length} handlers: ${names.join(', ')}\n`);
    process.stderr.write(whereTheFilesAre(written));
  }
  return names;
}

/** How each built file goes into the Apps Script editor by hand, in the order to add them (see the README). */
function whereTheFilesAre(written) {
  const scripts = ['mimetext.js', 'Code.js'];
  const pages = [...written].filter((f) => f.endsWith('.html')).sort();
  const rows = [
    ...scripts.map((f) => [f, `script file "${f.replace(/\.js$/, '')}"`]),
    ...pages.map((f) => [f, `HTML file "${f.replace(/\.html$/, '')}"`]),
    ['appsscript.json', 'the manifest (Project Settings › Show "appsscript.json" manifest file in editor)'],
  ];
  const width = Math.max(...rows.map(([f]) => f.length));
  return [
    `The add-on's files are in ${dist}${sep} (\`npm run deploy\` pushes them with clasp; to paste them by hand in`,
    'Extensions › Apps Script, add them in this order, as the README\'s "Install without a terminal" says):',
    ...rows.map(([f, what]) => `  ${f.padEnd(width)}  → ${what}`),
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build({ quiet: process.argv.includes('--quiet') }).catch((error) => {
    process.stderr.write(`build failed: ${error.message}\n`);
    process.exit(1);
  });
}
