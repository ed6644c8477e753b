// Backend, iteration, iterations/s and frames/s: what is running and how fast.
import { useEffect, useState } from 'react';
import { useApp } from '../state/store';
import { drawStats } from './drawLoop';

export function StatusBar() {
  const backend = useApp((a) => a.backend);
  const iteration = useApp((a) => a.iteration);
  const ips = useApp((a) => a.itersPerSec);
  const playing = useApp((a) => a.playing);
  const sampling = useApp((a) => a.settings.mode === 'sample');
  const [fps, setFps] = useState(0);
  useEffect(() => {
    const t = window.setInterval(() => setFps(drawStats.fps), 500);
    return () => window.clearInterval(t);
  }, []);
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
      </span>
      <span>
        iteration <b data-testid="iteration">{iteration}</b>
      </span>
      <span>{ips.toFixed(1)} it/s</span>
      <span>{fps.toFixed(0)} fps</span>
      <span className={playing ? 'live' : 'paused'}>
        {playing ? (sampling ? '● sampling' : '● training') : '❚❚ paused'}
      </span>
      {backend && <span className="reason">{backend.reason}</span>}
    </div>
  );
}
