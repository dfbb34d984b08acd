// npm run deploy: lint + test + build + clasp push, refusing early (in one sentence) while no script is linked.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let scriptId = '';
try {
  scriptId = JSON.parse(readFileSync('.clasp.json', 'utf8')).scriptId ?? '';
} catch {
  scriptId = '';
}
if (!scriptId) {
  process.stderr.write(
    'No Apps Script project is linked yet: run `npx clasp login`, then `npx clasp create --type sheets --title "Job follow-ups" --rootDir dist` (or paste the id of an existing bound script into "scriptId" in .clasp.json), and run `npm run deploy` again.\n',
  );
  process.exit(1);
}
for (const step of ['npm run lint', 'npm test', 'npm run build', 'npx clasp push --force']) {
  process.stderr.write(`> ${step}\n`);
  execSync(step, { stdio: 'inherit' });
}
