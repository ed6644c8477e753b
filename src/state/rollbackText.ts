// What the page says after the engine rolled training back (protocol 'rollback').
import type { FromWorker } from '../contract/protocol';
import { SETTING_BY_KEY } from '../contract/settings';

type Rollback = Extract<FromWorker, { type: 'rollback' }>;

export function rollbackText(msg: Rollback): string {
  const changes = Object.entries(msg.adjusted).map(([key, value]) => {
    const row = SETTING_BY_KEY[key as keyof typeof SETTING_BY_KEY];
    return `${row ? row.label.toLowerCase() : key} to ${Number(value).toPrecision(2)}`;
  });
  const halved = changes.length > 0 ? ` Halved the ${changes.join(' and the ')}.` : '';
  const head = `Training blew up at iteration ${msg.iteration}: ${msg.reason}. Rolled back to the last good model.${halved}`;
  return msg.paused
    ? `${head} It blew up more than 3 times within 100 iterations, so training is paused: lower the learning rate or the step size further, raise α (the energy² penalty), or Reset, then press Play.`
    : head;
}
