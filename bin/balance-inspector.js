#!/usr/bin/env node
// Tiny shim: everything lives in the built CLI so `--help` stays fast.
import { main } from '../dist/cli.js';
main(process.argv);
