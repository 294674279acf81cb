// A PostgreSQL URL may name files the driver reads while it parses the URL (sslcert, sslkey,
// sslrootcert): one that does not exist is a store the user set up wrongly (exit 3, one line
// naming the store), never "internal error (a bug)". No server is needed: the driver reads the
// files before it connects.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('--store postgres://…?ssl…=<missing file>', () => {
  for (const parameter of ['sslcert', 'sslkey', 'sslrootcert']) {
    for (const command of [['history'], ['changes'], ['history', 'prune', '--older-than', '1d'], ['history', 'export']]) {
      it(`${command.join(' ')} with ?${parameter}= naming no file: exit 3, one line, no stack`, async () => {
        const url = `postgres://127.0.0.1:1/nowhere?${parameter}=/nonexistent/balance-inspector-test.pem`;
        const { code, stdout, stderr } = await runCli([...command, '--store', url]);
        expect([code, stdout]).toEqual([3, '']);
        expect(stderr).toMatch(/^error: cannot connect to history store postgres:\/\/127\.0\.0\.1:1\/nowhere\?ssl\w+=\S+: ENOENT/);
        expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
      });
    }
  }
});
