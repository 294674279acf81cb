// `watch --record`: polls are recorded one after another; what the store could not take, and a
// clock behind the store, are said once each (a watch runs for days), and the watch goes on.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PollRecorder } from '../../src/history/recorder.js';
import { openStore } from '../../src/history/store/open.js';
import { tempDir } from '../helpers/fixtures.js';
import { bal, read, T0 } from './helpers.js';

describe('PollRecorder', () => {
  it('records every poll and says each kind of problem once', async () => {
    const path = join(tempDir(), 'history.db');
    const earlier = new PollRecorder(
      await openStore({ kind: 'sqlite', path }, 'create'),
      () => undefined,
      () => new Date(T0 + 3_600_000),
    );
    earlier.record(read('a', [bal('a', 'USD', '1')]));
    await earlier.close();
    // The clock has stepped back an hour since, and stays behind for a while.
    const db = await openStore({ kind: 'sqlite', path }, 'create');
    const lines: string[] = [];
    let now = T0;
    const recorder = new PollRecorder(
      db,
      (line) => lines.push(line),
      () => new Date((now += 1000)),
    );
    const twice = () => read('a', [bal('a', 'USD', '2'), bal('a', 'USDT', '5', { network: 'tron' }), bal('a', 'USDT', '6', { network: 'tron' })]);
    for (let i = 0; i < 3; i++) recorder.record(twice());
    await recorder.close();
    expect(recorder.failures).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/^history: this machine's clock \(2026-11-02T00:00:01\.000Z\) is behind the latest read of 'a' in the history/),
      "could not record a balance of 'a' in the history: USDT on tron appears 2 times in one read, so no figure of it can be told for sure",
    ]);
    const check = await openStore({ kind: 'sqlite', path }, 'read');
    expect((await check.all('SELECT COUNT(*) AS n FROM reads'))[0]?.n).toBe(4);
    await check.close();
  });
});
