// Phase 3's small landscapes: the energy before the update, after it, and the change
// ΔE = E_after − E_before less its mean over the box (a constant shift changes no probability;
// blue where the energy fell relative to the rest, red where it rose, on a symmetric scale),
// each with the batch and the negatives on top.
import { useEffect, useRef } from 'react';
import type { SlowPhase } from '../../contract/slowMotion';
import { drawSlowMap, type SlowMapKind } from '../../viz/slowMaps';

const SIZE = 120;
const TITLES: Record<SlowMapKind, string> = {
  before: 'E before',
  after: 'E after',
  change: 'ΔE − mean (blue fell)',
};

function Map({ msg, kind }: { msg: SlowPhase; kind: SlowMapKind }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = SIZE * dpr;
    c.height = SIZE * dpr;
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawSlowMap(ctx, msg, kind, SIZE);
  }, [msg, kind]);
  return (
    <figure>
      <canvas
        ref={ref}
        style={{ width: SIZE, height: SIZE }}
        data-testid={`slow-map-${kind}`}
        role="img"
        aria-label={TITLES[kind]}
      />
      <figcaption>{TITLES[kind]}</figcaption>
    </figure>
  );
}

export function SlowMaps({ msg }: { msg: SlowPhase }) {
  return (
    <div className="slow-maps">
      {(['before', 'after', 'change'] as const).map((k) => (
        <Map key={k} msg={msg} kind={k} />
      ))}
    </div>
  );
}
