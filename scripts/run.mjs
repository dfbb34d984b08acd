// Runs a TypeScript command-line program (the demo, the benchmark) after building the add-on:
// `node scripts/run.mjs emulator/cli.ts --json`. Prints nothing of its own on stdout.
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { build } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
try {
  await build({ quiet: true });
  const outfile = join(root, 'build', `${basename(entry, '.ts')}.cjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  process.argv = [process.argv[0], outfile, ...args];
  await import(pathToFileURL(outfile).href);
} catch (error) {
  process.stderr.write(`${entry}: ${error.message}\n`);
  process.exitCode = 2;
}
