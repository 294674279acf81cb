// Step 6: `watch` memory. Runs `watch --json --interval <d> --count N --config <file>` (NDJSON, one
// event per change; the sandbox's ticker changes a balance on every poll) against the sandbox and
// reads the child's resident set size from /proc: once the
// first WARM polls are done (caches, JIT and pools settled) and again near the end of POLLS more.
// Poll floors are real limits for real providers and are not bypassed here: if watch raises the
// interval to a provider floor even for a loopback sandbox account, 5 000 polls would take hours,
// so the step measures the actual pace, reports the projection and skips.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv } from '../lib/target.mjs';

const WARM = 100;
const INTERVAL = '50ms'; // watch's shortest interval

function rssMb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function watch(target, { polls: POLLS = 5_000 } = {}) {
  // 5 100 polls at 50 ms take ~4.5 min; the run stops when its pace projects past this.
  const TIME_LIMIT_MS = Math.max(60_000, (WARM + POLLS) * 65);
  if (!existsSync(join(target.root, 'dist', 'commands', 'watch.js'))) return { skipped: 'watch not built', figures: [] };
  const SANDBOX_KEYS = await target.sandboxKeys();
  // SyncPay: its 10 s floor is polling guidance, which watch lifts for the sandbox's own key, and
  // it documents no rate limit; Flow's 30 requests/minute is a real limit that applies even here.
  const provider = 'syncpay';
  // The ticker scenario changes a balance on every request, so every poll emits a change event and
  // exercises the diff, event and output path, not just the fetch.
  const sandbox = await target.sandbox({ rateLimits: { [provider]: null }, scenario: { name: 'ticker' } });
  const polls = () => sandbox.requests.filter((r) => r.provider === provider).length;
  const config = target.config('watch', { watched: { provider: 'syncpay', baseUrl: sandbox.baseUrl('syncpay'), apiKey: SANDBOX_KEYS.syncpay } });
  const args = ['watch', '--json', '--interval', INTERVAL, '--count', String(WARM + POLLS), '--config', config];
  const child = spawn(process.execPath, [target.bin, ...args], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const started = Date.now();
  let lines = 0;
  let partial = '';
  let before = null;
  let after = null;
  let stderr = '';
  const outcome = await new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS + 10_000);
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines += parts.length;
      // Progress is counted in polls the sandbox answered (NDJSON lines appear only on changes).
      const done = polls();
      if (before === null && done >= WARM) before = rssMb(child.pid);
      if (done >= WARM + POLLS - 100) after = rssMb(child.pid) ?? after;
      const elapsed = Date.now() - started;
      const projected = done > 0 ? (elapsed / done) * (WARM + POLLS) : Number.POSITIVE_INFINITY;
      if (elapsed > 5_000 && projected > TIME_LIMIT_MS) {
        child.kill('SIGTERM');
        resolve({ slow: projected });
      }
    });
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code });
    });
  });
  if (outcome.slow !== undefined) {
    const minutes = Math.round(outcome.slow / 60_000);
    return {
      skipped: `watch polls ${provider} too slowly for ${POLLS} polls here (~${minutes} min projected; its poll floor applies to the sandbox too)`,
      figures: [],
    };
  }
  // A watch that fails is a broken bench (or a broken watch), not a figure to skip.
  if (outcome.code !== 0 || before === null || after === null) {
    throw new Error(`watch exited ${outcome.code} after ${polls()} polls: ${stderr.trim().split('\n').pop() ?? ''}`);
  }
  return {
    provider,
    polls: polls(),
    events: lines,
    rssBeforeMb: before,
    rssAfterMb: after,
    figures: [{ figure: `watch RSS growth over ${POLLS} polls`, value: after - before, unit: 'MB', target: 10, better: 'lower' }],
  };
}
