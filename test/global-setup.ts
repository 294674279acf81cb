// Spawned tests run the built CLI (bin/ → dist/bundle/), in-process tests run src/. So that an edit
// is always what is tested, dist/ is rebuilt before the run whenever any source it is built from
// is newer than the bundle (`npx vitest run some.test.ts` after an edit, without `npm run build`).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'bundle', 'cli.js');
const INPUTS = ['src', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(path: string): { path: string; ms: number } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { path, ms: stat.mtimeMs };
  let best = { path, ms: 0 };
  for (const entry of readdirSync(path)) {
    const found = newest(join(path, entry));
    if (found.ms > best.ms) best = found;
  }
  return best;
}

/** The newest input newer than the bundle, or null when dist/ is fresh. */
export function staleBy(): string | null {
  let built: number;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    return 'dist/bundle/cli.js does not exist';
  }
  const inputs = INPUTS.map((p) => newest(join(ROOT, p)));
  const latest = inputs.reduce((a, b) => (b.ms > a.ms ? b : a));
  return latest.ms > built ? `${latest.path.slice(ROOT.length)} is newer than dist/bundle/cli.js` : null;
}

export default function setup(): void {
  const why = staleBy();
  if (why === null) return;
  process.stderr.write(`vitest: rebuilding dist/ (${why}) so spawned tests run the current source\n`);
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
