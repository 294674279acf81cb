#!/usr/bin/env node
// Tiny shim: everything lives in the bundled CLI (scripts/bundle.mjs) so `--help` stays fast.
import module from 'node:module';

// Node 22+ keeps compiled code between runs; Node 20 has no such API, so this is a no-op there.
module.enableCompileCache?.();
const { main } = await import('../dist/bundle/cli.js');
main(process.argv);
