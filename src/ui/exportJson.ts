// "Export JSON": the current points and samples in the data coordinates the axes show.
import { frames } from '../state/frameHolder';
import { useApp } from '../state/store';

export function buildExport(): {
  points: { x: number; y: number }[];
  samples: [number, number][];
  settings: unknown;
} {
  const { points, settings } = useApp.getState();
  const s = frames.frame?.samples ?? new Float32Array(0);
  const samples: [number, number][] = [];
  for (let i = 0; i < s.length; i += 2) samples.push([s[i], s[i + 1]]);
  return { points: points.map((p) => ({ x: p.x, y: p.y })), samples, settings };
}

export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadExport(): void {
  downloadText('ebm-playground.json', JSON.stringify(buildExport()), 'application/json');
}
