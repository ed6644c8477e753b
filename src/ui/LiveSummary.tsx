// A sentence for screen readers that says what the landscape shows, e.g. "400 data points in
// 8 clusters; the samples cover 7 of them; training, iteration 500; KL 0.40 nats". It is the
// landscape canvas's description (aria-describedby) and a polite live region, refreshed at most
// every few seconds so a screen reader is not flooded while training runs.
import { useEffect, useState } from 'react';
import { useApp } from '../state/store';

const EVERY_MS = 5000;

export const LIVE_SUMMARY_ID = 'landscape-summary';

function summary(): string {
  const s = useApp.getState();
  const m = s.metrics.latest;
  const n = s.points.length;
  const parts = [
    n === 0
      ? 'no data points yet'
      : `${n} data point${n === 1 ? '' : 's'}${m && m.modesTotal > 0 ? ` in ${m.modesTotal} clusters` : ''}`,
  ];
  if (m && m.modesTotal > 0) parts.push(`the samples cover ${m.modesCovered} of them`);
  const mode = s.settings.mode === 'sample' ? 'sampling' : 'training';
  parts.push(
    s.playing ? `${mode}, iteration ${s.iteration}` : `paused at iteration ${s.iteration}`,
  );
  if (m && Number.isFinite(m.kl)) parts.push(`KL ${m.kl.toFixed(2)} nats`);
  return parts.join('; ');
}

export function LiveSummary() {
  const [text, setText] = useState(summary);
  useEffect(() => {
    const id = setInterval(() => setText(summary()), EVERY_MS);
    return () => clearInterval(id);
  }, []);
  return (
    <p
      id={LIVE_SUMMARY_ID}
      className="visually-hidden"
      aria-live="polite"
      data-testid="live-summary"
    >
      {text}
    </p>
  );
}
