// `?bench=1` (used by npm run bench): train while counting, over 5 s (after 1 s to settle), the
// page's drawn frames per second (each with new samples) and grid refreshes per second, at the
// default chains and at 8,192; then ask the worker for its timings, and publish both on
// window.__ebmBenchResult for the runner (bench/run.mjs documents the contract).
import { engine } from '../state/engine';
import { useApp } from '../state/store';
import { drawStats } from './drawLoop';

/** Training runs this long before the frame rates are counted (chunk sizes settle). */
const WARM_MS = 1000;
/** The window for the frame rates, at the default chains and at 8,192. */
const COUNT_MS = 5000;

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

/** Over ms: main-thread fps (requestAnimationFrame), landscape frames drawn per second (each
 * brings new samples) and how many of them brought a new energy grid. */
interface Rates {
  pageFps: number;
  framesFps: number;
  gridsFps: number;
}
function countFrames(ms: number): Promise<Rates> {
  return new Promise((done) => {
    const drawn0 = drawStats.drawn;
    const grids0 = drawStats.grids;
    const t0 = performance.now();
    let rafs = 0;
    const count = () => {
      rafs++;
      if (performance.now() - t0 < ms) requestAnimationFrame(count);
      else {
        const secs = (performance.now() - t0) / 1000;
        const framesFps = (drawStats.drawn - drawn0) / secs;
        done({ pageFps: rafs / secs, framesFps, gridsFps: (drawStats.grids - grids0) / secs });
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
  const start = async () => {
    engine.play();
    await new Promise((r) => setTimeout(r, WARM_MS));
    const small = await countFrames(COUNT_MS);
    const ips = useApp.getState().itersPerSec;
    // 8,192 chains (the sample view's load): the same counts while training.
    const chains = useApp.getState().settings.chains;
    useApp.getState().setSettings({ chains: 8192 });
    await new Promise((r) => setTimeout(r, WARM_MS));
    const big = await countFrames(COUNT_MS);
    useApp.getState().setSettings({ chains });
    engine.pause();
    const r = await engine.bench();
    r.results['main-thread fps while training'] = small.pageFps;
    r.results['landscape frames/s while training'] = small.framesFps;
    r.results['grid refreshes/s while training'] = small.gridsFps;
    r.results['live training iterations/s (default preset)'] = ips;
    r.results['main-thread fps, 8192 chains'] = big.pageFps;
    r.results['landscape frames/s, 8192 chains'] = big.framesFps;
    r.results['grid refreshes/s, 8192 chains'] = big.gridsFps;
    Object.assign(r.results, first);
    const tune = useApp.getState().backend?.autotune;
    if (tune) r.results[`engine path: ${tune.chosen}`] = 1;
    w.__ebmBenchResult = r;
  };
  const wait = setInterval(() => {
    if (useApp.getState().backend) {
      clearInterval(wait);
      void start();
    }
  }, 100);
}
