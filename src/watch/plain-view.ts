// The watch view for a terminal that cannot move its cursor (TERM=dumb: Emacs shell buffers, some
// CI consoles): redrawing in place would fill it with escape codes and repeated tables. It prints
// the table once, when every account has been polled, then one line per change as it happens, so
// the output reads like a log. Errors, alerts and notices go to stderr as in the NDJSON view.
import { forTerminal } from '../core/sanitize.js';
import type { Output } from '../ui/output.js';
import { describeThreshold, type WatchEvent } from './events.js';
import { renderFrame } from './frame.js';
import type { WatchSession, WatchView } from './session.js';

const time = (iso: string) => new Date(iso).toTimeString().slice(0, 8);

export function plainView(output: Output, describe: (session: WatchSession) => string): WatchView {
  let shown = false;
  const c = output.errColor;
  return {
    event(event: WatchEvent) {
      if (event.type === 'change') {
        const where = `${forTerminal(event.account)} ${forTerminal(event.currency, 16)}${event.network ? ` (${forTerminal(event.network, 16)})` : ''}`;
        const delta = event.delta === null ? '' : ` (${event.delta.startsWith('-') ? '' : '+'}${event.delta})`;
        output.data(`${time(event.at)} ${where} ${event.field} ${event.old ?? '—'} → ${event.new ?? '—'}${delta}\n`);
      }
      if (event.type === 'snapshot') for (const e of event.errors) output.error(`${c.red('error:')} ${e.message}`);
      if (event.type === 'error') output.error(`${c.red('error:')} ${event.message}`);
      if (event.type === 'recovered')
        output.info(`account '${event.account}' answers again after ${event.failures} failed poll${event.failures > 1 ? 's' : ''}`);
      if (event.type === 'threshold') output.info(`${event.state === 'crossed' ? 'alert:' : 'recovered:'} ${describeThreshold(event)}`);
    },
    notice(text, level) {
      if (level === 'warn') output.warn(text);
      else output.info(text);
    },
    update(session: WatchSession) {
      if (shown || !session.snapshotDone) return;
      shown = true;
      const width = output.terminalSize()?.columns;
      output.data(
        renderFrame({
          tracked: session.tracked(),
          states: session.states,
          hideZero: session.settings.hideZero,
          header: describe(session),
          notices: [],
          color: output.color,
          size: width === undefined ? undefined : { columns: width, rows: Number.POSITIVE_INFINITY },
        }),
      );
    },
  };
}
