// The page's requests ('bench', 'getWeights', 'setWeights'): each is answered by exactly one
// reply that echoes its requestId, so the page matches replies to requests by id whatever
// order they come back in (src/state/engineRequests.ts). A request the engine cannot answer
// yet is answered by an 'error' with the same id.
import { tf } from '../ebm/tf';
import type { Settings } from '../contract/settings';
import type { BackendName, EngineRequest, FromWorker } from '../contract/protocol';
import { assertNever } from '../contract/protocol';
import { runBench } from './bench';
import type { Session } from './session';
import { readWeights, writeWeights } from './weights';

export interface Answer {
  reply: FromWorker;
  /** New weights were loaded: what was computed from the old ones is stale. */
  loaded: boolean;
}

/** The requests answered here (composition and restore are composeCommands.ts's). */
export type ModelRequest = Extract<EngineRequest, { type: 'bench' | 'getWeights' | 'setWeights' }>;

export function answer(msg: ModelRequest, s: Session | null, settings: Settings): Answer {
  const { requestId } = msg;
  switch (msg.type) {
    case 'bench': {
      const backend = tf.getBackend() as BackendName;
      return {
        reply: { type: 'benchResult', requestId, backend, results: runBench() },
        loaded: false,
      };
    }
    case 'getWeights': {
      if (!s)
        return {
          reply: { type: 'error', requestId, message: 'The model is not ready yet.' },
          loaded: false,
        };
      // What is saved is the model shown: the averaged weights (ebm/weightAverage.ts).
      const weights = s.average.shown(() => readWeights(s.model.variables));
      return { reply: { type: 'weights', requestId, weights, settings }, loaded: false };
    }
    case 'setWeights': {
      const error = s ? writeWeights(s.model.variables, msg.weights) : 'the model is not ready yet';
      const loaded = s !== null && error === null;
      if (loaded) {
        s.trainer.resetOptimizer(); // Adam's moments belonged to the old parameters
        s.average.reset();
        s.snapshot.take(s.model.variables, s.buffer.chains, s.trainer);
      }
      return { reply: { type: 'weightsSet', requestId, error }, loaded };
    }
    default:
      return assertNever(msg);
  }
}
