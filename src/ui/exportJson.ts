// Downloads: the document with samples (and metrics when some view computed them) as JSON,
// the points as CSV, the landscape as PNG. The JSON is `{version, points: [{x, y}], settings,
// preset?, view?, hidden?, samples: [[x, y]], metrics?}` and re-imports unchanged.
import { documentFromState } from '../state/document';
import { frames } from '../state/frameHolder';
import { buildExportJson, buildPointsCsv, exportFileName } from '../state/persist';
import { useApp } from '../state/store';
import type { EbmDocument } from '../state/schema';

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
  const metrics = metricsSource?.() ?? undefined;
  return buildExportJson({
    doc: currentDocument(),
    samples: frames.latest?.samples ?? [],
    metrics: metrics ?? undefined,
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
