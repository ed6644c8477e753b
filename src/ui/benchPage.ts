// `?bench=1` (used by npm run bench): train for a few seconds while counting the page's
// drawn frames per second, then ask the worker for its timings, and publish both on
// window.__ebmBenchResult for the runner (bench/run.mjs documents the contract).
import { engine } from '../state/engine';
import { useApp } from '../state/store';
import { drawStats } from './drawLoop';

const TRAIN_MS = 6000;

export function runPageBench(): void {
  const w = globalThis as {
    __ebmBenchResult?: { backend: string; results: Record<string, number> };
  };
  const start = () => {
    const drawn0 = drawStats.drawn;
    const t0 = performance.now();
    engine.play();
    let rafs = 0;
    const count = () => {
      rafs++;
      if (performance.now() - t0 < TRAIN_MS) requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
    setTimeout(() => {
      const secs = (performance.now() - t0) / 1000;
      const pageFps = rafs / secs;
      const framesFps = (drawStats.drawn - drawn0) / secs;
      const ips = useApp.getState().itersPerSec;
      engine.pause();
      void engine.bench().then((r) => {
        r.results['main-thread fps while training'] = pageFps;
        r.results['landscape frames/s while training'] = framesFps;
        r.results['live training iterations/s (default preset)'] = ips;
        w.__ebmBenchResult = r;
      });
    }, TRAIN_MS);
  };
  const wait = setInterval(() => {
    if (useApp.getState().backend) {
      clearInterval(wait);
      start();
    }
  }, 100);
}
