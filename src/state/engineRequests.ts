// Requests to the engine worker and their replies, matched by id. Each request carries a
// requestId never used before, which the worker echoes in its one reply (or 'error'), so a
// reply reaches the promise that asked for it whatever order replies come back in (two
// reads of the weights in flight, a benchmark behind them). A reply with an unknown id
// (already settled, or never asked) is ignored; one of the wrong type rejects its request.
import { REPLY_TO, type EngineReply, type EngineRequest, type ReplyTo } from '../contract/protocol';

interface Pending {
  expects: EngineReply['type'];
  resolve: (reply: EngineReply) => void;
  reject: (error: Error) => void;
}

export class EngineRequests {
  private lastId = 0;
  private readonly pending = new Map<number, Pending>();

  /** A new request: the message to send and the promise of its reply. */
  open<R extends EngineRequest>(
    build: (requestId: number) => R,
  ): { message: R; reply: Promise<ReplyTo<R['type']>> } {
    const message = build(++this.lastId);
    const reply = new Promise<ReplyTo<R['type']>>((resolve, reject) => {
      // The type check in settle() makes the cast sound: only REPLY_TO[type] resolves it.
      const expects = REPLY_TO[message.type];
      this.pending.set(message.requestId, {
        expects,
        resolve: resolve as Pending['resolve'],
        reject,
      });
    });
    return { message, reply };
  }

  /** Settles the request with the reply's id; false (and nothing happens) for an unknown id. */
  settle(reply: EngineReply): boolean {
    const p = this.take(reply.requestId);
    if (!p) return false;
    if (reply.type === p.expects) p.resolve(reply);
    else p.reject(new Error(`the engine answered '${reply.type}' instead of '${p.expects}'`));
    return true;
  }

  /** The worker could not answer request `requestId`; false for an unknown id. */
  fail(requestId: number, message: string): boolean {
    const p = this.take(requestId);
    p?.reject(new Error(message));
    return p !== undefined;
  }

  /** The worker is gone: every request still waiting fails with `message`. */
  failAll(message: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    waiting.forEach((p) => p.reject(new Error(message)));
  }

  /** Requests not yet answered. */
  get size(): number {
    return this.pending.size;
  }

  private take(requestId: number): Pending | undefined {
    const p = this.pending.get(requestId);
    this.pending.delete(requestId);
    return p;
  }
}
