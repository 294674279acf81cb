// Runs npm scripts at the same time and fails if any fails: `node scripts/parallel.mjs a b c`.
// The checks before `npm test` (emit, typecheck, lint, depcheck) are independent and each uses
// one core, so on two cores running them together takes about as long as the slowest alone.
// Each script's output is held back and printed whole when it ends, so lines never interleave.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  process.stderr.write('usage: node scripts/parallel.mjs <npm script>...\n');
  process.exit(2);
}

function run(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npm', ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (output += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ name, ok: false, output: `${error.message}\n`, ms: Date.now() - started }));
    child.on('close', (code, signal) => resolve({ name, ok: code === 0, output, ms: Date.now() - started, why: signal ?? `exit ${code}` }));
  });
}

const results = await Promise.all(
  names.map(async (name) => {
    const result = await run(name);
    if (result.output) process.stdout.write(result.output.endsWith('\n') ? result.output : `${result.output}\n`);
    if (!result.ok) process.stderr.write(`npm run ${name} failed (${result.why})\n`);
    return result;
  }),
);
if (process.env.BI_TIMINGS) {
  for (const r of results) process.stderr.write(`${r.name}: ${(r.ms / 1000).toFixed(1)} s\n`);
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
