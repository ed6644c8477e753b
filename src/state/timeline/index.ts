// The training timeline on the page: a ring of snapshots taken from the frames the page
// already receives, and which one (if any) the landscape shows instead of the live frame.
//
// Why page-side: every displayed frame (grid and samples) already arrives here, transferred,
// so copying one every `stride` iterations costs no protocol traffic and no worker memory, and
// scrubbing is instant (no request per slider position competing with the frame credits). The
// frames come several times a second, finer than the stride after the first moments of a run.
// The ring's state is not part of the document (files and links never carry it), so it lives
// in a small store of its own, like the lesson view.
//
// Cleared when a new run starts (a reset or a model change: a new generation, or a new worker
// counting from iteration 0 again); a rollback drops the snapshots after the restored
// iteration. Editing the points does not clear it: the run goes on, and scrubbing back shows
// how the landscape followed the new data (the points drawn are always today's).
import { create } from 'zustand';
import type { Frame } from '../../contract/protocol';
import { frames } from '../frameHolder';
import { useApp } from '../store';
import { TimelineRing, type Snapshot } from './ring';
import { frameOf, snapshotOf } from './snapshot';

export { CAPACITY, RING_BOUND_BYTES } from './ring';
export type { Snapshot } from './ring';

export const ring = new TimelineRing();

export interface TimelineView {
  /** Snapshots kept, and the first and newest iterations they cover. */
  count: number;
  first: number;
  last: number;
  /** The snapshot shown instead of the live frame, or null (live). */
  scrubbed: Snapshot | null;
  /** A clip of a timeline range is being recorded (the replay moves `scrubbed`). */
  replaying: boolean;
}

export const useTimeline = create<TimelineView>()(() => ({
  count: 0,
  first: 0,
  last: 0,
  scrubbed: null,
  replaying: false,
}));

let generation = -1;

function publish(): void {
  const s = useTimeline.getState();
  const first = ring.at(0)?.iteration ?? 0;
  const last = ring.last?.iteration ?? 0;
  // A scrubbed snapshot dropped by thinning or a rollback: show the nearest one kept (a
  // replay holds its own list of snapshots and goes on with it).
  const near = s.scrubbed && ring.length > 0 ? ring.at(indexNear(s.scrubbed.iteration))! : null;
  const scrubbed = s.replaying ? s.scrubbed : near;
  if (s.count === ring.length && s.first === first && s.last === last && s.scrubbed === scrubbed)
    return;
  useTimeline.setState({ count: ring.length, first, last, scrubbed });
}

/** Take a snapshot of a newly arrived frame when one is due. */
export function recordFrame(f: Frame): void {
  const newest = ring.last;
  if (
    f.generation !== generation ||
    (newest && f.iteration < newest.iteration && f.iteration === 0)
  )
    ring.clear();
  else if (newest && f.iteration < newest.iteration) ring.truncateAfter(f.iteration);
  generation = f.generation;
  if (ring.wants(f.iteration)) {
    const m = useApp.getState().metrics;
    const kl = m.generation === f.generation && m.latest ? m.latest.kl : null;
    ring.offer(snapshotOf(f, Number.isFinite(kl) ? kl : null));
  }
  publish();
}

/** Start recording the frames the page receives; returns the unsubscribe. */
export function recordFrames(): () => void {
  if (frames.latest) recordFrame(frames.latest);
  return frames.subscribe(() => {
    if (frames.latest) recordFrame(frames.latest);
  });
}

/** The index of the snapshot whose iteration is nearest `iteration`. */
export function indexNear(iteration: number): number {
  const all = ring.all();
  let lo = 0;
  let hi = all.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].iteration < iteration) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && iteration - all[lo - 1].iteration < all[lo].iteration - iteration) lo--;
  return lo;
}

export function scrubTo(index: number): void {
  const s = ring.at(Math.max(0, Math.min(ring.length - 1, index)));
  if (s) useTimeline.setState({ scrubbed: s });
}

/** Show this snapshot (a replay's, which thinning may have dropped from the ring since). */
export function showSnapshot(s: Snapshot): void {
  useTimeline.setState({ scrubbed: s });
}

/** Back to the live frame. */
export function goLive(): void {
  if (useTimeline.getState().scrubbed) useTimeline.setState({ scrubbed: null });
}

let shown: { snap: Snapshot; frame: Frame } | null = null;

/** What the landscape draws: the scrubbed snapshot as a frame, else the live frame. */
export function shownFrame(): Frame | null {
  const snap = useTimeline.getState().scrubbed;
  if (!snap) return frames.latest;
  if (shown?.snap !== snap) shown = { snap, frame: frameOf(snap) };
  return shown.frame;
}
