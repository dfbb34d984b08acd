/**
 * The project's docs stand alone: every link in README.md and docs/*.md resolves inside the repository (a file,
 * and for `#anchor` a heading in it) or is a web address, and the code cites the project's own docs only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const MARKDOWN = [
  join(ROOT, 'README.md'),
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(DOCS, f)),
];

/** GitHub's anchor of a heading: lower case, punctuation and symbols dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsIn(file: string): Set<string> {
  const headings = [...readFileSync(file, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!));
  return new Set(headings);
}

/** Every `[text](target)` and `![alt](target)` outside code blocks and inline code. */
function linksIn(file: string): string[] {
  const text = readFileSync(file, 'utf8')
    .replace(/^```[\s\S]*?^```/gm, '')
    .replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

test('the link reader finds the links of the README to docs/ (so the checks below read something)', () => {
  expect(linksIn(join(ROOT, 'README.md'))).toEqual(expect.arrayContaining(['docs/RULES.md', 'docs/COMMAND-LINE.md']));
});

describe.each(MARKDOWN.map((file) => [relative(ROOT, file), file]))('%s', (_name, file) => {
  test('every link is a web address or resolves inside the repository', () => {
    const links = linksIn(file);
    for (const link of links) {
      if (/^https?:\/\//.test(link)) continue;
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? file : join(dirname(file), path);
      expect({ link, inside: relative(ROOT, target).startsWith('..') }).toEqual({ link, inside: false });
      expect({ link, exists: existsSync(target) }).toEqual({ link, exists: true });
      if (anchor !== undefined) {
        expect({ link, anchor: anchorsIn(target).has(anchor) }).toEqual({ link, anchor: true });
      }
    }
  });
});

/** Source, test, benchmark and script files, walked from their folders. */
function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return codeFiles(path);
    return /\.(ts|js|mjs|cjs|html|css)$/.test(name) ? [path] : [];
  });
}

describe('citations in the code', () => {
  const self = join(__dirname, 'docs.test.ts');
  const files = ['src', 'emulator', 'test', 'bench', 'scripts']
    .flatMap((dir) => codeFiles(join(ROOT, dir)))
    .filter((f) => f !== self);
  // The team's reference notes live outside the repository; the code cites the project's own docs instead.
  const outside = /\.\.\/shared|LOCAL-RUN|APPS-SCRIPT\.md|ARCHITECTURE\.md|(?<!docs\/)\bRULES\.md/;

  test('name docs/RULES.md, docs/COMMAND-LINE.md or docs/DECISIONS.md, never notes outside the repository', () => {
    const stray = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${relative(ROOT, file)}:${i + 1}`, line: line.trim() }))
        .filter(({ line }) => outside.test(line)),
    );
    expect(stray).toEqual([]);
  });

  test('cite sections of docs/RULES.md that exist', () => {
    const sections = new Set(
      [...readFileSync(join(DOCS, 'RULES.md'), 'utf8').matchAll(/^## §(\d+) /gm)].map((m) => Number(m[1])),
    );
    expect([...sections]).toEqual([1, 2, 3, 4, 5, 6]);
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/docs\/RULES\.md §(\d+)(?:[–-]§?(\d+))?/g)) {
        for (const n of [m[1], m[2]].filter(Boolean)) {
          expect({ file: relative(ROOT, file), section: Number(n), exists: sections.has(Number(n)) }).toEqual({
            file: relative(ROOT, file),
            section: Number(n),
            exists: true,
          });
        }
      }
    }
  });
});
