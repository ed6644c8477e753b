// Downloads: the document with samples (and metrics when some view computed them) as JSON,
// the points as CSV, the landscape as PNG. The JSON is `{version, points: [{x, y}], settings,
// preset?, view?, hidden?, samples: [[x, y]], metrics?, modelDensity?, modeMass?}` and
// re-imports unchanged. modelDensity is the model's normalised log-density on the latest
// frame's grid ({box, size, beta, logDensity}); metrics carry KL beside its floor (klFloor).
import { BOX } from '../contract/box';
import { documentFromState } from '../state/document';
import { frames } from '../state/frameHolder';
import { buildExportJson, buildPointsCsv, exportFileName } from '../state/persist';
import { normalisedLogDensity } from '../state/persist/densityGrid';
import { useApp } from '../state/store';
import type { EbmDocument } from '../state/schema';
import { scoreMetrics } from './jem/useScores';

type MetricsSource = () => Readonly<Record<string, number>> | null | undefined;
let metricsSource: MetricsSource | null = null;

/**
 * Lets a metrics view add its latest numbers (log Z, NLL, KL…) to the JSON export. One
 * source; a later call replaces it, null removes it.
 */
export function setExportMetricsSource(source: MetricsSource | null): void {
  metricsSource = source;
}

export function currentDocument(): EbmDocument {
  return documentFromState(useApp.getState());
}

/** The JSON export's text: the document, the displayed samples and any metrics. */
export function buildExport(): string {
  const doc = currentDocument();
  const frame = frames.latest;
  // Accuracy, ECE and OOD AUROC (where they apply) join the density view's metrics.
  const scores = scoreMetrics(frame?.scores);
  const fromView = metricsSource?.() ?? undefined;
  const metrics =
    fromView || Object.keys(scores).length > 0 ? { ...fromView, ...scores } : undefined;
  return buildExportJson({
    doc,
    samples: frame?.samples ?? [],
    metrics: metrics ?? undefined,
    modelDensity: frame
      ? normalisedLogDensity(frame.grid, frame.gridSize, BOX, doc.settings.beta)
      : undefined,
    modeMass: useApp.getState().metrics.modeMass,
  });
}

export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

export function downloadExport(): void {
  downloadText(exportFileName('json'), buildExport(), 'application/json');
}

export function downloadPointsCsv(): void {
  downloadText(exportFileName('csv'), buildPointsCsv(useApp.getState().points), 'text/csv');
}

/** `ebm-playground-<what>-2025-01-31.<ext>` */
export function datedName(what: string, ext: string, date = new Date()): string {
  return `ebm-playground-${what}-${date.toISOString().slice(0, 10)}.${ext}`;
}

/** The landscape canvas as drawn (heatmap, contours, samples, points), as a PNG file. */
