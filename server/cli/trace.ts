import { readFileSync } from 'node:fs';
import { runTrace, TraceError } from '../../shared/trace/run.ts';

// `npm run -s trace -- FILE`: one JSON line per step on stdout, or an error naming the step.
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run -s trace -- FILE\n');
  process.exit(2);
}
try {
  const lines = runTrace(JSON.parse(readFileSync(file, 'utf8')));
  process.stdout.write(lines.map((l) => JSON.stringify(l) + '\n').join(''));
} catch (err) {
  const message = err instanceof TraceError || err instanceof SyntaxError ? err.message : String(err);
  process.stderr.write(`${file}: ${message}\n`);
  process.exit(1);
}
