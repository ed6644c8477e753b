// The clip being recorded, if any: live (until Stop) or a timeline range replayed (the replay
// moves the timeline's shown snapshot from the first iteration to the last, then stops by
// itself). Ends in a download; failures become the page's notice.
import { create } from 'zustand';
import { useApp } from '../../state/store';
import { goLive, indexNear, ring, showSnapshot, useTimeline } from '../../state/timeline';
import { datedName, downloadBlob } from '../exportJson';
import { startRecording, type Recording } from './clipRecorder';

/** A replay shows at most this many snapshots a second, and lasts at least MIN_SECONDS. */
const REPLAY_RATE = 15;
const MIN_SECONDS = 2.5;
const HOLD_MS = 500;

interface ClipState {
  recording: Recording | null;
  replay: boolean;
}

export const useClip = create<ClipState>()(() => ({ recording: null, replay: false }));

let replayTimer = 0;

function fail(e: unknown): void {
  useApp.getState().setNotice({
    level: 'error',
    text: `The clip could not be recorded: ${e instanceof Error ? e.message : String(e)}.`,
  });
}

export async function stopClip(): Promise<void> {
  const { recording, replay } = useClip.getState();
  if (!recording) return;
  clearTimeout(replayTimer);
  useClip.setState({ recording: null, replay: false });
  if (replay) {
    useTimeline.setState({ replaying: false });
    goLive();
  }
  try {
    const clip = await recording.stop();
    downloadBlob(datedName('clip', clip.ext), clip.blob);
  } catch (e) {
    fail(e);
  }
}

function begin(replay: boolean): boolean {
  if (useClip.getState().recording) return false;
  try {
    useClip.setState({ recording: startRecording(() => void stopClip()), replay });
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

export function recordLive(): void {
  goLive();
  begin(false);
}

/** Record the snapshots between two iterations (nearest kept ones), replayed in order. */
export function recordReplay(fromIteration: number, toIteration: number): void {
  if (ring.length === 0) return;
  const a = indexNear(Math.min(fromIteration, toIteration));
  const b = indexNear(Math.max(fromIteration, toIteration));
  // Its own list: training goes on, and thinning may drop some of these from the ring.
  const list = ring.all().slice(a, b + 1);
  useTimeline.setState({ replaying: true, scrubbed: list[0] });
  if (!begin(true)) return void useTimeline.setState({ replaying: false, scrubbed: null });
  const stepMs = Math.max(1000 / REPLAY_RATE, (MIN_SECONDS * 1000) / list.length);
  const t0 = performance.now();
  // Paced by the clock, not by counting timers: on a busy machine late timers skip snapshots
  // rather than stretch the clip.
  const next = () => {
    const k = Math.min(list.length - 1, Math.floor((performance.now() - t0) / stepMs));
    showSnapshot(list[k]);
    if (k >= list.length - 1) {
      replayTimer = window.setTimeout(() => void stopClip(), HOLD_MS);
      return;
    }
    replayTimer = window.setTimeout(next, stepMs);
  };
  replayTimer = window.setTimeout(next, stepMs);
}
