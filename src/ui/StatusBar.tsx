// Backend, iteration, iterations/s and frames/s: what is running and how fast. It says
// "training" only while the iteration really advances: a playing engine whose iteration has
// not moved for STALLED_MS says it is waiting instead; before the first iteration of a run it
// says "warming up" (the backend starts, wasm compiles, a GPU compiles its shaders: seconds).
import { useEffect, useState } from 'react';
import { setKeepTrainingHidden } from '../state/hiddenTab';
import { useApp } from '../state/store';
import { drawStats } from './drawLoop';
import { PathDetails } from './PathDetails';

const STALLED_MS = 1_500;

export function StatusBar() {
  const backend = useApp((a) => a.backend);
  const iteration = useApp((a) => a.iteration);
  const ips = useApp((a) => a.itersPerSec);
  const playing = useApp((a) => a.playing);
  const advancedAt = useApp((a) => a.advancedAt);
  const keepHidden = useApp((a) => a.keepTrainingHidden);
  const sampling = useApp((a) => a.settings.mode === 'sample');
  const [fps, setFps] = useState(0);
  const [now, setNow] = useState(0);
  useEffect(() => {
    const t = window.setInterval(() => {
      setFps(drawStats.fps);
      setNow(performance.now());
    }, 500);
    return () => window.clearInterval(t);
  }, []);
  const warming = playing && !sampling && iteration === 0;
  const stalled = playing && !sampling && now - advancedAt > STALLED_MS;
  return (
    <div className="status" role="status" aria-live="off">
      <span
        title={
          backend
            ? `${backend.reason}${backend.renderer ? ` — renderer: ${backend.renderer}` : ''}`
            : 'starting'
        }
      >
        backend <b data-testid="backend">{backend ? backend.name : 'starting…'}</b>
        {backend?.threads != null && backend.threads > 1 && (
          <span
            data-testid="threads"
            title="threaded SIMD wasm (the page is cross-origin isolated)"
          >
            {' '}
            × {backend.threads} threads
          </span>
        )}
      </span>
      <span>
        iteration <b data-testid="iteration">{iteration}</b>
      </span>
      {/* Paused, the engine's last rate would claim iterations that are not happening. */}
      <span data-testid="rate">{playing ? ips.toFixed(1) : '–'} it/s</span>
      <span>{fps.toFixed(0)} fps</span>
      <span
        className={!playing ? 'paused' : warming || stalled ? 'waiting' : 'live'}
        data-testid="run-state"
      >
        {!playing
          ? '❚❚ paused'
          : sampling
            ? '● sampling'
            : warming
              ? `○ warming up${backend ? ` (${backend.name}: first steps compile)` : ''}`
              : stalled
                ? '○ waiting for the engine'
                : '● training'}
      </span>
      <label title="A hidden tab pauses training unless this is ticked">
        <input
          type="checkbox"
          checked={keepHidden}
          onChange={(e) => setKeepTrainingHidden(e.target.checked)}
        />{' '}
        train when hidden
      </label>
      {backend && (
        <span className="reason" data-testid="backend-reason">
          {backend.reason}
        </span>
      )}
      {backend?.autotune && <PathDetails report={backend.autotune} />}
    </div>
  );
}
