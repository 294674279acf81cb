// The view when stdout is not a terminal, or with --json: every event is one NDJSON line on
// stdout, written as it happens. People reading stderr get a line for what needs attention
// (errors always; recoveries, alerts and notices unless --quiet).
import type { Output } from '../ui/output.js';
import { describeThreshold, ndjsonLine, type WatchEvent } from './events.js';
import type { WatchView } from './session.js';

export function ndjsonView(output: Output): WatchView {
  const c = output.errColor;
  return {
    event(event: WatchEvent) {
      output.data(ndjsonLine(event));
      if (event.type === 'snapshot') for (const e of event.errors) output.error(`${c.red('error:')} ${e.message}`);
      if (event.type === 'error') output.error(`${c.red('error:')} ${event.message}`);
      if (event.type === 'recovered')
        output.info(`account '${event.account}' answers again after ${event.failures} failed poll${event.failures > 1 ? 's' : ''}`);
      if (event.type === 'threshold') {
        const text = describeThreshold(event);
        output.info(event.state === 'crossed' ? `${c.yellow('alert:')} ${text}` : `${c.green('recovered:')} ${text}`);
      }
    },
    notice(text, level) {
      if (level === 'warn') output.warn(text);
      else output.info(text);
    },
    update() {},
  };
}
