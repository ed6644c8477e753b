// The engine's handling of the composition and recovery commands ('setExperts', 'mixing',
// 'clamp', 'restore'), kept out of engine.ts so that stays a switch. It owns the expert bank
// (experts outlive a model reset: that is what freezing means) and the clamp, and puts both
// on each new session (attach).
import type { Clamp } from '../contract/experts';
import type { FromWorker, ToWorker } from '../contract/protocol';
import { assertNever } from '../contract/protocol';
import type { Settings } from '../contract/settings';
import type { Rng } from '../ebm/rng';
import { ExpertBank } from './experts';
import { restorePath } from './recovery';
import type { Session } from './session';

export type ComposeCommand = Extract<
  ToWorker,
  { type: 'setExperts' | 'mixing' | 'clamp' | 'restore' }
>;

export interface ComposeOutcome {
  reply: FromWorker | null;
  /** The energy shown changed (new experts or mixing): caches are stale. */
  energyChanged: boolean;
  /** The clamp changed: sampling starts a new run. */
  clampChanged: boolean;
}

const validClamp = (c: Clamp | null): Clamp | null =>
  c && (c.axis === 0 || c.axis === 1) && Number.isFinite(c.value) ? c : null;

export class ComposeCommands {
  readonly bank = new ExpertBank();
  private clamp: Clamp | null = null;

  /** A new session shows the composition and keeps the clamp. */
  attach(s: Session): void {
    s.composed = this.bank.energy();
    s.clamp = this.clamp && {
      ...this.clamp,
      value: Math.min(s.box.max, Math.max(s.box.min, this.clamp.value)),
    };
  }

  handle(msg: ComposeCommand, s: Session | null, settings: Settings, rng: Rng): ComposeOutcome {
    const none = { reply: null, energyChanged: false, clampChanged: false };
    switch (msg.type) {
      case 'setExperts': {
        const { thumbs, error } = this.bank.setExperts(msg.experts);
        if (s) this.attach(s);
        const reply = { type: 'expertsSet', requestId: msg.requestId, thumbs, error } as const;
        return { ...none, reply, energyChanged: true };
      }
      case 'mixing':
        this.bank.setMixing(msg.mixing);
        if (s) this.attach(s);
        return { ...none, energyChanged: true };
      case 'clamp':
        this.clamp = validClamp(msg.clamp);
        if (s) this.attach(s);
        return { ...none, clampChanged: true };
      case 'restore': {
        const { requestId } = msg;
        if (!s || !Number.isFinite(msg.x) || !Number.isFinite(msg.y))
          return { ...none, reply: { type: 'error', requestId, message: 'cannot restore yet' } };
        const path = restorePath(s, settings, msg.x, msg.y, rng);
        return { ...none, reply: { type: 'restored', requestId, path } };
      }
      default:
        return assertNever(msg);
    }
  }

  dispose(): void {
    this.bank.dispose();
  }
}
