// The hover read-out (issues #11 and #10): where the pointer is over the landscape, the energy
// E(x), the density p_θ(x) = exp(−βE(x))/Z and E's percentile among the data's energies, read
// from the latest frame by bilinear interpolation of its grid (viz/bilinear.ts), with no round
// trip to the engine. log Z is the grid's quadrature (viz/levels.ts); the data's energies are
// the engine's exact ones (frame.scores). For a classifier it adds argmax p(y|x) there.
import { useEffect, useState, type PointerEvent } from 'react';
import { create } from 'zustand';
import { CLASS_COLOURS, CLASS_NAMES } from '../../contract/classes';
import type { Frame } from '../../contract/protocol';
import { percentileOf } from '../../ebm/ood';
import { frames } from '../../state/frameHolder';
import { useApp } from '../../state/store';
import { bilinear, bilinearRow } from '../../viz/bilinear';
import { gridLogZ } from '../../viz/levels';
import { useJemView } from './jemView';
import './jem.css';

interface Hover {
  at: { x: number; y: number } | null;
  move(e: PointerEvent, canvas: HTMLCanvasElement | null, size: number, box: Box): void;
  leave(): void;
}
interface Box {
  min: number;
  max: number;
}

export const useHover = create<Hover>((set) => ({
  at: null,
  move: (e, canvas, size, box) => {
    if (!canvas) return;
    const r = canvas.getBoundingClientRect();
    const u = (e.clientX - r.left) / size;
    const v = (e.clientY - r.top) / size;
    if (u < 0 || u > 1 || v < 0 || v > 1) return set({ at: null });
    const side = box.max - box.min;
    set({ at: { x: box.min + u * side, y: box.max - v * side } });
  },
  leave: () => set({ at: null }),
}));

export interface Reading {
  x: number;
  y: number;
  energy: number;
  density: number;
  percentile: number;
  cls: { k: number; p: number } | null;
}

const BOX = { min: -4, max: 4 };

/** Everything the read-out shows at (x, y) from one frame. */
export function readAt(frame: Frame, x: number, y: number, beta: number): Reading {
  const G = frame.gridSize;
  const energy = bilinear(frame.grid, G, BOX, x, y);
  const logZ = gridLogZ(frame.grid, beta, BOX.max - BOX.min);
  const data = frame.scores?.dataEnergy;
  let cls: Reading['cls'] = null;
  if (frame.classes) {
    const f = bilinearRow(frame.classes.logits, G, frame.classes.classes, BOX, x, y);
    const m = Math.max(...f);
    const z = f.reduce((s, v) => s + Math.exp(v - m), 0);
    const k = f.indexOf(m);
    cls = { k, p: 1 / z };
  }
  return {
    x,
    y,
    energy,
    density: Math.exp(-beta * energy - logZ),
    percentile: data && data.length > 0 ? percentileOf(energy, data) : NaN,
    cls,
  };
}

export function HoverReadout() {
  const at = useHover((h) => h.at);
  const beta = useApp((a) => a.settings.beta);
  const q = useJemView((v) => v.oodPercentile);
  const [version, setVersion] = useState(frames.version);
  useEffect(() => frames.subscribe(() => setVersion(frames.version)), []);
  const frame = frames.latest;
  const r = at && frame ? readAt(frame, at.x, at.y, beta) : null;
  return (
    <p className="hover-readout" data-testid="hover-readout" data-version={version}>
      {r ? (
        <>
          <span>
            x = ({r.x.toFixed(2)}, {r.y.toFixed(2)})
          </span>
          <span>E(x) = {r.energy.toFixed(3)}</span>
          <span>
            p<sub>θ</sub>(x) = {r.density.toPrecision(3)}
          </span>
          {Number.isFinite(r.percentile) && (
            <span title="Share of the data points whose energy is lower (mid-rank)">
              {r.percentile.toFixed(1)}th percentile of data energy
              {r.percentile > q ? ' (OOD)' : ''}
            </span>
          )}
          {r.cls && (
            <span>
              <i className="swatch" style={{ background: CLASS_COLOURS[r.cls.k] }} />{' '}
              {CLASS_NAMES[r.cls.k]}, p = {r.cls.p.toFixed(2)}
            </span>
          )}
        </>
      ) : (
        <span className="muted">Hover over the landscape for E(x), pθ(x) and its percentile.</span>
      )}
    </p>
  );
}
