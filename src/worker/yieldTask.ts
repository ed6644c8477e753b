// A real macrotask yield. Awaiting a resolved promise (or tf.nextFrame in a worker) only
// yields to microtasks, so queued 'pause'/'reset' messages would wait; a MessageChannel
// message is a macrotask, queued behind them.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

export function yieldMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}
