// One sandbox per e2e test file: started with the demo config written to a temp dir before the
// file's tests, its faults cleared before each test, closed after the file.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Sandbox, SandboxOptions } from '../../src/sandbox/server.js';
import { runCli, spawnCli, type CliOptions, type CliResult, type SpawnOptions } from './cli.js';
import { sandboxWithConfig } from './fixtures.js';

export interface E2eSandbox {
  readonly sandbox: Sandbox;
  /** The temp dir holding the config, for variants of it (writeConfig). */
  readonly dir: string;
  readonly configPath: string;
  /** The config as written (the sandbox's demo accounts). */
  readonly config: Record<string, unknown>;
  /** Runs the CLI in-process with `--config <configPath>` after the given arguments. */
  cli(...args: string[]): Promise<CliResult>;
  /** The same with options (environment, stdin, terminal). */
  cliWith(args: string[], options: CliOptions): Promise<CliResult>;
  /** The built CLI in a child process, for what needs one (signals, a closed stdout). */
  spawnWith(args: string[], options: SpawnOptions): Promise<CliResult>;
}

/** Registers the file's hooks; the fields can be read once the file's tests run. */
export function useSandbox(options: SandboxOptions = {}): E2eSandbox {
  let started: Awaited<ReturnType<typeof sandboxWithConfig>> | null = null;
  beforeAll(async () => {
    started = await sandboxWithConfig(options);
  });
  afterAll(() => started?.sandbox.close());
  beforeEach(() => started?.sandbox.faults.clear());
  const get = () => {
    if (started === null) throw new Error('the e2e sandbox starts in beforeAll: read it inside a test or hook');
    return started;
  };
  const cliWith = (args: string[], cliOptions: CliOptions) => runCli([...args, '--config', get().configPath], cliOptions);
  const spawnWith = (args: string[], spawnOptions: SpawnOptions) => spawnCli([...args, '--config', get().configPath], spawnOptions);
  return {
    get sandbox() {
      return get().sandbox;
    },
    get dir() {
      return get().dir;
    },
    get configPath() {
      return get().configPath;
    },
    get config() {
      return get().config;
    },
    cli: (...args) => cliWith(args, {}),
    cliWith,
    spawnWith,
  };
}
