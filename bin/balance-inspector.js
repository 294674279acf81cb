#!/usr/bin/env node
'use strict';
// Tiny shim: everything lives in the bundled CLI (scripts/bundle.mjs) so `--help` stays fast.
// It is CommonJS (bin/package.json): Node starts a CommonJS file ~4 ms sooner than an ES module,
// which is most of what a bare `--version` costs (README "Performance").
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Scripts ask for the version often; answer without loading commander. Same output as the full
  // CLI (commander prints the version and a newline on stdout, exit 0; test/e2e/version.test.ts).
  const text = `${require('../package.json').version}\n`;
  try {
    require('node:fs').writeSync(1, text);
  } catch (error) {
    // A closed pipe (`--version | true`) is not an error; a busy non-blocking stdout gets a stream.
    if (error.code === 'EAGAIN') process.stdout.write(text);
    else if (error.code !== 'EPIPE') {
      // Same contract as the full CLI (src/cli.ts): one line, exit 74, never a stack trace.
      process.stderr.write(`error: cannot write the output to standard output (${error.code})\n`);
      process.exitCode = 74;
    }
  }
} else {
  // Node 22+ keeps compiled code between runs; Node 20 has no such API, so this is a no-op there.
  require('node:module').enableCompileCache?.();
  require('../dist/bundle/cli.js').main(process.argv);
}
