// `?bench=1` (used by npm run bench): train for a few seconds while counting the page's
// drawn frames per second, then ask the worker for its timings, and publish both on
// window.__ebmBenchResult for the runner (bench/run.mjs documents the contract).
import { engine } from '../state/engine';
import { useApp } from '../state/store';
import { drawStats } from './drawLoop';

const TRAIN_MS = 6000;
/** The window for the 8,192-chain frame rates. */
const BIG_MS = 5000;

/** ms from navigation to the first landscape frame with samples, and to the load event. */
function watchFirstFrame(out: Record<string, number>): void {
  const look = () => {
    if (drawStats.drawn > 0) {
      out['time to first samples (ms from navigation)'] = performance.now();
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      if (nav) out['time to load event (ms from navigation)'] = nav.loadEventEnd;
    } else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** Main-thread fps and landscape frames/s over ms (requestAnimationFrame counts). */
function countFrames(ms: number): Promise<{ pageFps: number; framesFps: number }> {
  return new Promise((done) => {
    const drawn0 = drawStats.drawn;
    const t0 = performance.now();
    let rafs = 0;
    const count = () => {
      rafs++;
      if (performance.now() - t0 < ms) requestAnimationFrame(count);
      else {
        const secs = (performance.now() - t0) / 1000;
        done({ pageFps: rafs / secs, framesFps: (drawStats.drawn - drawn0) / secs });
      }
    };
    requestAnimationFrame(count);
  });
}

export function runPageBench(): void {
  const w = globalThis as {
    __ebmBenchResult?: { backend: string; results: Record<string, number> };
  };
  const first: Record<string, number> = {};
  watchFirstFrame(first);
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
      // 8,192 chains (the sample view's load): the same counts over BIG_MS while training.
      const chains = useApp.getState().settings.chains;
      useApp.getState().setSettings({ chains: 8192 });
      void countFrames(BIG_MS).then((big) => {
        useApp.getState().setSettings({ chains });
        engine.pause();
        void engine.bench().then((r) => {
          r.results['main-thread fps while training'] = pageFps;
          r.results['landscape frames/s while training'] = framesFps;
          r.results['live training iterations/s (default preset)'] = ips;
          r.results['main-thread fps, 8192 chains'] = big.pageFps;
          r.results['landscape frames/s, 8192 chains'] = big.framesFps;
          Object.assign(r.results, first);
          const tune = useApp.getState().backend?.autotune;
          if (tune) r.results[`engine path: ${tune.chosen}`] = 1;
          w.__ebmBenchResult = r;
        });
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
