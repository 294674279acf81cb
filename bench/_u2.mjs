const t0 = performance.now(); if (process.argv[3]) (await import('node:v8')).setFlagsFromString(process.argv[3]);
const mode = process.argv[2];
if (mode === 'import') { await import('undici'); }
if (mode === 'deep') { const { createRequire } = await import('node:module'); const req = createRequire(import.meta.url); const Agent = req('undici/lib/dispatcher/agent'); const request = req('undici/lib/api/api-request');
  const agent = new Agent({ connections: 4 }); const r = await request.call(agent, { origin: 'http://127.0.0.1:34687', path: '/syncpay/api/v1/accounts/balances', method: 'GET', headers: { authorization: 'Bearer sk_test_syncpaysandbox000000000001' } }); await r.body.text(); await agent.close(); }
if (mode === 'http') { const http = await import('node:http'); await new Promise((res) => http.get('http://127.0.0.1:34687/syncpay/api/v1/accounts/balances', { headers: { authorization: 'Bearer sk_test_syncpaysandbox000000000001' } }, (r) => { r.resume(); r.on('end', res); })); }
console.log(mode, 'done', (performance.now()).toFixed(1));
process.on('exit', () => console.log('exit', performance.now().toFixed(1)));
