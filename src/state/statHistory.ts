// Bounded series of training statistics for the charts (appended at status rate, ~4 Hz).
import type { FrameStats } from '../contract/protocol';

export const HISTORY_CAP = 600;

export interface StatHistory {
  iteration: number[];
  loss: number[];
  eData: number[];
  eNeg: number[];
}

export function emptyHistory(): StatHistory {
  return { iteration: [], loss: [], eData: [], eNeg: [] };
}

const cap = (a: number[], v: number) => (a.length >= HISTORY_CAP ? [...a.slice(1), v] : [...a, v]);

export function pushHistory(h: StatHistory, iteration: number, st: FrameStats): StatHistory {
  // Same iteration twice (paused): nothing new to chart.
  if (h.iteration.length > 0 && h.iteration[h.iteration.length - 1] === iteration) return h;
  if (h.iteration.length > 0 && iteration < h.iteration[h.iteration.length - 1]) h = emptyHistory();
  return {
    iteration: cap(h.iteration, iteration),
    loss: cap(h.loss, st.loss),
    eData: cap(h.eData, st.eData),
    eNeg: cap(h.eNeg, st.eNeg),
  };
}
