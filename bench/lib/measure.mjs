// Timing helpers for the bench: run compared commands in alternation (round-robin, with the order
// rotated every round) so a noisy neighbour slows every contender alike, and report medians.
import { spawn } from 'node:child_process';

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Spawn one command (argv[0] is the program) and resolve with wall time in ms and its exit code. */
export function timeProcess(argv, { env = process.env, shell = false, timeoutMs } = {}) {
  timeoutMs ??= 30_000;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = shell
      ? spawn('/bin/sh', ['-c', argv[0]], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, code, stdout, stderr });
    });
  });
}

/** The CPU time a process reported as `cpu-ms N` on its last stdout line (startup.mjs's preload). */
function cpuMs(stdout, name) {
  const match = /cpu-ms ([\d.]+)\s*$/.exec(stdout);
  if (!match) throw new Error(`${name} reported no CPU time`);
  return Number(match[1]);
}

/**
 * Run every contender `rounds` times, alternating: round r runs them starting at index r mod n.
 * `warmup` rounds are run first and dropped (disk cache, CPU frequency). Each contender is
 * { name, argv, shell?, expectCode? }; a wrong exit code fails the bench, since a fast failure
 * would otherwise look like a fast run. `timeoutMs` (default 30 s) kills a contender that hangs.
 * `measure: 'cpu'` records the CPU time each process reports instead of the wall time.
 */
export async function alternate(contenders, { rounds = 30, warmup = 3, env, measure = 'wall' } = {}) {
  const samples = new Map(contenders.map((c) => [c.name, []]));
  for (let r = -warmup; r < rounds; r++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[((r % contenders.length) + contenders.length + i) % contenders.length];
      const result = await timeProcess(c.argv, { env: c.env ?? env, shell: c.shell, timeoutMs: c.timeoutMs });
      const expected = c.expectCode ?? 0;
      if (result.code !== expected) {
        throw new Error(`${c.name} exited ${result.code} (expected ${expected}): ${result.stderr.slice(0, 400)}`);
      }
      if (r >= 0) samples.get(c.name).push(measure === 'cpu' ? cpuMs(result.stdout, c.name) : result.ms);
    }
  }
  return Object.fromEntries([...samples].map(([name, values]) => [name, { median: median(values), samples: values.length, min: Math.min(...values) }]));
}
