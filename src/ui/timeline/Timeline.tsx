// The training timeline under the landscape: a slider over the kept snapshots. Holding it
// shows the snapshot under the thumb; letting go (pointer up, leaving the slider, the Live
// button, End or Escape) returns to the live frame. Beside it, the clip recorder.
import { useEffect, useId, useState } from 'react';
import {
  goLive,
  indexNear,
  recordFrames,
  RING_BOUND_BYTES,
  scrubTo,
  useTimeline,
} from '../../state/timeline';
import { ClipControls } from './ClipControls';
import { landscapeCanvas } from './clipRecorder';
import './timeline.css';

const fmt = (n: number) => n.toLocaleString('en-US');

export function Timeline() {
  const id = useId();
  useEffect(() => recordFrames(), []);
  // As wide as the plot above it (its canvas plus the 36 px of axis labels), not the column.
  const [plot, setPlot] = useState<number | null>(null);
  useEffect(() => {
    const canvas = landscapeCanvas();
    if (!canvas) return;
    const ro = new ResizeObserver(() => setPlot(canvas.clientWidth));
    ro.observe(canvas);
    return () => ro.disconnect();
  }, []);
  const { count, first, last, scrubbed, replaying } = useTimeline();
  const index = scrubbed ? indexNear(scrubbed.iteration) : Math.max(0, count - 1);
  const readout = scrubbed
    ? `iteration ${fmt(scrubbed.iteration)} · loss ${scrubbed.loss.toFixed(3)}` +
      (scrubbed.kl !== null ? ` · KL ${scrubbed.kl.toFixed(2)} nats` : '')
    : count > 0
      ? `live · ${count} snapshots, iterations ${fmt(first)}–${fmt(last)}`
      : 'live · no snapshots yet';
  return (
    <div
      className={`timeline${scrubbed ? ' scrubbing' : ''}`}
      data-testid="timeline"
      style={{ maxWidth: plot ? plot + 36 : undefined }}
    >
      <label htmlFor={id}>Timeline</label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, count - 1)}
        step={1}
        value={index}
        disabled={count < 2 || replaying}
        aria-valuetext={scrubbed ? `iteration ${fmt(scrubbed.iteration)}` : 'live'}
        title={`Scrub back through training (at most 200 snapshots, ${(RING_BOUND_BYTES / 1e6).toFixed(1)} MB); let go to return to live`}
        onChange={(e) => scrubTo(Number(e.currentTarget.value))}
        onPointerDown={() => window.addEventListener('pointerup', goLive, { once: true })}
        onPointerCancel={goLive}
        onBlur={() => !replaying && goLive()}
        onKeyDown={(e) => {
          if (e.key === 'End' || e.key === 'Escape') {
            e.preventDefault();
            goLive();
          }
        }}
      />
      <button
        onClick={goLive}
        disabled={!scrubbed || replaying}
        title="Return to the live landscape (End)"
      >
        Live
      </button>
      <output htmlFor={id} className="timeline-readout" data-testid="timeline-readout">
        {readout}
      </output>
      <ClipControls />
    </div>
  );
}
