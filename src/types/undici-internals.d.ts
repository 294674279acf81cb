// Types for the two undici modules src/http/transport.ts requires directly (undici has no "exports"
// map, so these are ordinary package subpaths). Loading them instead of the package index skips
// fetch, WebSocket, cache and mock code: ~25 ms instead of ~90 ms on Node 20. (The transport casts
// what `require` returns; tests import these paths to check they are still what the package exports.)
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici';
  const AgentClass: typeof Agent;
  export default AgentClass;
}

declare module 'undici/lib/api/index.js' {
  import type { Dispatcher } from 'undici';
  export function request(this: Dispatcher, options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
}
