// The runtime in-process provider tests share, the way one CLI run shares its own: pacing, tokens
// and sockets carry over from call to call until a test asks for a fresh one (where it used to
// reset the module singletons that no longer exist).
import { createRuntime, type Runtime } from '../../src/http/runtime.js';

let current: Runtime = createRuntime();

export function testRuntime(): Runtime {
  return current;
}

/** Close the current runtime's sockets and start a new one: no pacing, tokens or secrets carried over. */
export async function freshRuntime(): Promise<Runtime> {
  const old = current;
  current = createRuntime();
  await old.close();
  return current;
}
