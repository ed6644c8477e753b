// Feeds the landscape renderer's class layer (viz/classLayer.ts) from the page's choices and
// the latest frame: the classifier view (only for a model with classes) and the OOD contour
// at the chosen percentile of the data's exact energies (ebm/ood.ts, type-7 quantile).
import type { Frame } from '../../contract/protocol';
import { thresholdAtPercentile } from '../../ebm/ood';
import type { ClassView } from '../../viz/classLayer';
import { useJemView } from './jemView';

let cached: { data: Float32Array | null; q: number; tau: number | null } = {
  data: null,
  q: NaN,
  tau: null,
};

function oodLevel(frame: Frame | null, q: number): number | null {
  const data = frame?.scores?.dataEnergy ?? null;
  if (!data || data.length < 2) return null;
  if (cached.data !== data || cached.q !== q)
    cached = { data, q, tau: thresholdAtPercentile(data, q) };
  return cached.tau;
}

export function classViewFor(frame: Frame | null): ClassView {
  const v = useJemView.getState();
  return {
    mode: frame?.classes ? v.view : 'energy',
    y: v.viewClass,
    oodLevel: v.oodContour ? oodLevel(frame, v.oodPercentile) : null,
  };
}

/** Calls `changed` whenever a choice that alters the picture changes. */
export function onClassViewChange(changed: () => void): () => void {
  return useJemView.subscribe((s, p) => {
    if (
      s.view !== p.view ||
      s.viewClass !== p.viewClass ||
      s.oodContour !== p.oodContour ||
      s.oodPercentile !== p.oodPercentile
    )
      changed();
  });
}
