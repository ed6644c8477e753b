// The composition and recovery side of the engine bridge: store changes become 'setExperts',
// 'mixing' and 'clamp' commands, a new worker gets them after its 'init' (a restarted worker
// composes and clamps as before), and the two actions that ask the worker something —
// freezing the current model and drop & restore — are here.
// Both composing and clamping show the frozen energy being sampled, so they switch the page
// to sample mode; going back to train mode turns them off (training moves the model).
import { MAX_EXPERTS, type ExpertDef } from '../contract/experts';
import { MODEL_SPECS } from '../contract/models';
import type { ToWorker } from '../contract/protocol';
import type { Composition } from './composeSchema';
import { newExpertId } from './composition';
import { engine } from './engine';
import { useApp } from './store';

/** One empty list, so "no composition" compares equal to itself across store updates. */
const NO_EXPERTS: ExpertDef[] = [];
const expertsOf = (c: Composition | null): ExpertDef[] => c?.experts ?? NO_EXPERTS;

/** The worker's part: experts (a request: the thumbnails come back), mixing and clamp. */
function messages(requestId: number): ToWorker[] {
  const { composition: c, clamp } = useApp.getState();
  const out: ToWorker[] = [];
  if (c && c.experts.length > 0) {
    out.push({ type: 'setExperts', requestId, experts: c.experts });
    out.push({ type: 'mixing', mixing: c.mixing });
  }
  if (clamp) out.push({ type: 'clamp', clamp });
  return out;
}

function sendExperts(experts: ExpertDef[]): void {
  void engine
    .request((requestId) => ({ type: 'setExperts', requestId, experts }))
    .then(
      (r) => {
        useApp.getState().setThumbs(
          experts.map((e) => e.id),
          r.thumbs,
        );
        if (r.error) useApp.getState().setNotice({ level: 'error', text: r.error });
      },
      () => {},
    );
}

let started = false;

/** Wire the store to the worker; call once, before engine.start. */
export function startComposeBridge(): void {
  if (started) return;
  started = true;
  // Replies to these requests find nobody waiting: the thumbnails are asked for below.
  engine.addStartMessages(() => messages(-1));
  const first = expertsOf(useApp.getState().composition);
  if (first.length > 0) queueMicrotask(() => sendExperts(first));
  useApp.subscribe((next, prev) => {
    const a = next.composition;
    const b = prev.composition;
    if (expertsOf(a) !== expertsOf(b)) sendExperts(expertsOf(a));
    if (a && a.mixing !== b?.mixing) engine.send({ type: 'mixing', mixing: a.mixing });
    if (!a && b) engine.send({ type: 'mixing', mixing: { ...b.mixing, on: false } });
    if (next.clamp !== prev.clamp) engine.send({ type: 'clamp', clamp: next.clamp });
    const on = (a?.mixing.on ?? false) || next.clamp !== null;
    const wasOn = (b?.mixing.on ?? false) || prev.clamp !== null;
    if (on && !wasOn && next.settings.mode !== 'sample') next.setSettings({ mode: 'sample' });
    if (next.settings.mode === 'train' && prev.settings.mode === 'sample') {
      if (a?.mixing.on) next.setComposing(false);
      if (next.clamp) next.setClamp(null);
    }
    if (next.restorePath && next.settings.mode !== prev.settings.mode) next.setRestorePath(null);
  });
}

/** "Freeze as expert": a copy of the current model's weights joins the experts. */
export async function freezeCurrentModel(): Promise<string | null> {
  const app = useApp.getState();
  if ((app.composition?.experts.length ?? 0) >= MAX_EXPERTS)
    return `At most ${MAX_EXPERTS} experts: remove one first.`;
  try {
    const r = await engine.getWeights();
    const n = (useApp.getState().composition?.experts ?? []).filter((e) => e.kind === 'model');
    const label = `${MODEL_SPECS[r.settings.model].short} #${n.length + 1}`;
    const def: ExpertDef = {
      id: newExpertId(),
      label,
      kind: 'model',
      settings: r.settings,
      weights: r.weights,
    };
    useApp.getState().addExpert(def);
    return null;
  } catch (e) {
    return `Could not freeze the model: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Drop & restore: the worker carries (x, y) downhill at low temperature; the path is shown. */
export async function dropAndRestore(x: number, y: number): Promise<void> {
  try {
    const r = await engine.request((requestId) => ({ type: 'restore', requestId, x, y }));
    useApp.getState().setRestorePath(r.path);
  } catch (e) {
    const text = `Drop & restore failed: ${e instanceof Error ? e.message : String(e)}`;
    useApp.getState().setNotice({ level: 'error', text });
  }
}
