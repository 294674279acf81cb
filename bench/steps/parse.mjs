// Step 5: lossless parse of a 10 MB body vs JSON.parse (see parse-child.mjs).
import { fileURLToPath } from 'node:url';
import { timeProcess } from '../lib/measure.mjs';

export async function parse(target, { rounds = 15 } = {}) {
  const child = fileURLToPath(new URL('./parse-child.mjs', import.meta.url));
  const result = await timeProcess([process.execPath, '--expose-gc', child, target.root, String(rounds)], { timeoutMs: 300_000 });
  if (result.code !== 0) throw new Error(`parse step failed: ${result.stderr.slice(0, 400)}`);
  const data = JSON.parse(result.stdout);
  return {
    ...data,
    figures: [
      {
        figure: `lossless parse of ${(data.bytes / 1048576).toFixed(0)} MB vs JSON.parse`,
        value: data.losslessMs / data.jsonMs,
        unit: '×',
        target: 3,
        better: 'lower',
      },
    ],
  };
}
