// The OOD and class rows of the landscape's hover read-out (ui/HoverReadout.tsx's extraRows):
// E's percentile among the data's energies (flagged OOD above the threshold percentile) and,
// for a classifier, argmax p(y|x) with its probability — read from the latest frame.
import { CLASS_NAMES } from '../../contract/classes';
import { frames } from '../../state/frameHolder';
import { useApp } from '../../state/store';
import type { HoverValues } from '../../viz/hoverReadout';
import type { ReadoutRow } from '../HoverReadout';
import { readAt } from './readAt';
import { useJemView } from './jemView';

export function oodRows(v: HoverValues): ReadoutRow[] {
  const f = frames.latest;
  if (!f) return [];
  const r = readAt(f, v.x, v.y, useApp.getState().settings.beta);
  const q = useJemView.getState().oodPercentile;
  const rows: ReadoutRow[] = [];
  if (Number.isFinite(r.percentile))
    rows.push({
      label: 'percentile of data E',
      value: `${r.percentile.toFixed(1)}${r.percentile > q ? ' (OOD)' : ''}`,
    });
  if (r.cls)
    rows.push({ label: 'class', value: `${CLASS_NAMES[r.cls.k]}, p = ${r.cls.p.toFixed(2)}` });
  return rows;
}
