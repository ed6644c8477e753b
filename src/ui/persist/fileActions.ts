// What happens to a file the user picks or drops: a document (JSON export, versioned document
// or CSV of points) replaces the points and settings only if all of it is valid; a model
// weights file goes to the worker. Either way a notice says what happened, and a refused
// file changes nothing.
import { engine } from '../../state/engine';
import { applyImport, importFile } from '../../state/persist';
import { useApp } from '../../state/store';
import {
  architectureChanges,
  buildWeightsFile,
  looksLikeWeights,
  parseWeightsFile,
} from '../../state/weights';
import { currentDocument, datedName, downloadText } from '../exportJson';
import { TRAINER } from '../../contract/settings';
import { pythonExportProblem, pythonScript } from '../../state/persist/pythonScript';

/** Weights of the largest model are a few MB; this only keeps absurd files out of memory. */
export const MAX_WEIGHTS_BYTES = 20 * 1024 * 1024;

const quoted = (name: string) => `"${name.length > 60 ? `${name.slice(0, 57)}…` : name}"`;

/** The worker answers within a chunk (~50 ms); a long silence means it is gone. */
const REPLY_TIMEOUT_MS = 15_000;
function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`the engine did not answer (${what})`)), REPLY_TIMEOUT_MS),
    ),
  ]);
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Imports a document file; resolves true when the points were replaced. */
export async function importDocumentFile(file: File): Promise<boolean> {
  const app = useApp.getState();
  const r = await importFile(file, () => file.arrayBuffer());
  if (!r.ok) {
    app.setNotice({
      level: 'error',
      text: `Could not import ${quoted(file.name)}: ${r.error}. Nothing was changed.`,
    });
    return false;
  }
  const next = applyImport(currentDocument(), r.doc);
  app.loadDocument(next, { undoable: true });
  const what = r.doc.settings ? ' and the settings' : '';
  app.setNotice({
    level: 'info',
    text: `Imported ${plural(r.doc.points.length, 'point')}${what} from ${quoted(file.name)}. Undo (Ctrl+Z) brings back what was here.`,
  });
  return true;
}

/** Loads a weights file into the model, switching the architecture first if it differs. */
export async function loadWeightsFile(file: File): Promise<boolean> {
  const app = useApp.getState();
  const fail = (why: string) => {
    app.setNotice({
      level: 'error',
      text: `Could not load model weights from ${quoted(file.name)}: ${why}. Nothing was changed.`,
    });
    return false;
  };
  if (file.size > MAX_WEIGHTS_BYTES) return fail('the file is too large for a weights file');
  let content: ArrayBuffer;
  try {
    content = await file.arrayBuffer();
  } catch (e) {
    return fail(`the file could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
  const r = parseWeightsFile(content);
  if (!r.ok) return fail(r.error);
  const patch = architectureChanges(useApp.getState().settings, r.architecture);
  const switched = Object.keys(patch).length > 0;
  // A new architecture rebuilds the model in the worker before the weights arrive there.
  if (switched) app.setSettings(patch);
  let error: string | null;
  try {
    error = await withTimeout(engine.setWeights(r.weights), 'loading weights');
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  if (error !== null) {
    if (switched) useApp.getState().undo();
    return fail(error);
  }
  const how = switched
    ? ` (the model was switched to ${Object.entries(patch)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')} to match)`
    : '';
  app.setNotice({
    level: 'info',
    text: `Loaded the model weights from ${quoted(file.name)}${how}. Training goes on from them while playing.`,
  });
  return true;
}

/** A dropped or picked file: weights files are recognised by their content. */
export async function openUserFile(file: File): Promise<boolean> {
  if (file.size <= MAX_WEIGHTS_BYTES && /\.json$/i.test(file.name)) {
    let head = '';
    try {
      head = await file.slice(0, 200).text();
    } catch {
      // unreadable: importDocumentFile reports it
    }
    if (looksLikeWeights(head)) return loadWeightsFile(file);
  }
  return importDocumentFile(file);
}

export async function downloadWeights(): Promise<void> {
  const app = useApp.getState();
  try {
    const { weights, settings } = await withTimeout(engine.getWeights(), 'reading weights');
    downloadText(
      datedName('weights', 'json'),
      buildWeightsFile(weights, settings),
      'application/json',
    );
  } catch (e) {
    app.setNotice({
      level: 'error',
      text: `Could not export the model weights: ${e instanceof Error ? e.message : String(e)}.`,
    });
  }
}

/** "Export as Python": a runnable PyTorch script of this run (the MLP, with its weights). */
export async function downloadPython(): Promise<void> {
  const app = useApp.getState();
  try {
    const { weights, settings } = await withTimeout(engine.getWeights(), 'reading weights');
    const problem = pythonExportProblem(settings);
    if (problem) throw new Error(problem);
    const script = pythonScript({
      points: useApp.getState().points,
      settings,
      weights,
      maxGradNorm: TRAINER.maxGradNorm,
      batch: TRAINER.batch,
    });
    downloadText(datedName('run', 'py'), script, 'text/x-python');
  } catch (e) {
    app.setNotice({
      level: 'error',
      text: `Could not export the Python script: ${e instanceof Error ? e.message : String(e)}.`,
    });
  }
}
