// A real macrotask yield. Awaiting a resolved promise (or tf.nextFrame in a worker) only
// yields to microtasks, so queued 'pause'/'reset' messages would wait; a MessageChannel
// message is a macrotask, queued behind them (and not clamped to 4 ms like setTimeout).
// Node (unit tests) drains a port's queue greedily, which would starve other ports, so
// there setImmediate — Node's own macrotask — is used instead.
type Schedule = (fn: () => void) => void;

function channelSchedule(): Schedule {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return (fn) => {
    waiting.push(fn);
    channel.port2.postMessage(0);
  };
}

// Node (the unit tests) has setImmediate; a worker has MessageChannel.
const node = globalThis as { setImmediate?: (fn: () => void) => unknown };
const schedule: Schedule = node.setImmediate
  ? (fn) => void node.setImmediate!(fn)
  : channelSchedule();

export function yieldMacrotask(): Promise<void> {
  return new Promise((resolve) => schedule(resolve));
}
