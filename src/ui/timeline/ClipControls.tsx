// Record a clip of the landscape: "Record" films it live until Stop (the button shows the
// elapsed time); "Replay…" films the timeline between two iterations. The file downloads when
// the clip ends: WebM, or a zip of PNG frames where the browser records no WebM.
import { useEffect, useId, useState } from 'react';
import { useTimeline } from '../../state/timeline';
import { Popover } from '../persist/Popover';
import { recordLive, recordReplay, stopClip, useClip } from './clipControl';
import { webmType } from './clipRecorder';

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(t);
  }, []);
  const s = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <span className="clip-elapsed" data-testid="clip-elapsed">
      {Math.floor(s / 60)}:{String(s % 60).padStart(2, '0')}
    </span>
  );
}

function ReplayForm({ close }: { close: () => void }) {
  const { first, last } = useTimeline.getState();
  const [from, setFrom] = useState(first);
  const [to, setTo] = useState(last);
  const fromId = useId();
  const toId = useId();
  return (
    <form
      className="clip-replay"
      onSubmit={(e) => {
        e.preventDefault();
        close();
        recordReplay(from, to);
      }}
    >
      <p>Film the timeline replayed (at least 2.5 s, 15 snapshots a second).</p>
      <label htmlFor={fromId}>From iteration</label>
      <input
        id={fromId}
        type="number"
        min={first}
        max={last}
        value={from}
        onChange={(e) => setFrom(Number(e.currentTarget.value))}
      />
      <label htmlFor={toId}>To iteration</label>
      <input
        id={toId}
        type="number"
        min={first}
        max={last}
        value={to}
        onChange={(e) => setTo(Number(e.currentTarget.value))}
      />
      <button type="submit" className="primary">
        Record replay
      </button>
    </form>
  );
}

export function ClipControls() {
  const { recording, replay } = useClip();
  const count = useTimeline((t) => t.count);
  const format = webmType() ? 'WebM' : 'zip of PNG frames';
  if (recording)
    return (
      <div className="clip">
        <button
          className="clip-stop"
          onClick={() => void stopClip()}
          title={`Stop recording the ${replay ? 'replay' : 'landscape'} and download the ${format}`}
        >
          <i className="rec-dot" aria-hidden="true" /> Stop <Elapsed since={recording.startedAt} />
        </button>
      </div>
    );
  return (
    <div className="clip">
      <button
        onClick={recordLive}
        title={`Record the landscape as a clip (${format}) until Stop`}
        aria-label={`Record a clip of the landscape (${format})`}
      >
        <i className="rec-dot" aria-hidden="true" /> Record
      </button>
      <Popover
        label="Replay…"
        ariaLabel="Replay… (record the timeline replayed)"
        title="Record the timeline replayed, between two iterations"
        kind="dialog"
      >
        {(close) => (count >= 2 ? <ReplayForm close={close} /> : <p>No snapshots yet.</p>)}
      </Popover>
    </div>
  );
}
