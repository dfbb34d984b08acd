/** Entry of `npm run demo` (see cli.ts): runs the command line with this process's arguments. */
import { main } from './cli';

process.exitCode = main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
  root: process.cwd(),
});
