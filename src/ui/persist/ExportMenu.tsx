// "Export JSON" (points, samples, settings, metrics) plus a menu of the other formats: points
// as CSV, the landscape as PNG, the trained model's weights (save and load), and a runnable
// PyTorch script of the run.
import { useRef } from 'react';
import { useApp } from '../../state/store';
import { downloadExport, downloadPointsCsv } from '../exportJson';
import { downloadLandscapePng2x, downloadLandscapeSvg } from '../figureExport';
import { downloadPython, downloadWeights, loadWeightsFile } from './fileActions';
import { Popover } from './Popover';

export function ExportMenu() {
  const weightsInput = useRef<HTMLInputElement>(null);
  const report = (e: unknown) =>
    useApp.getState().setNotice({
      level: 'error',
      text: `Export failed: ${e instanceof Error ? e.message : String(e)}.`,
    });
  const item = (label: string, run: () => unknown, close: () => void) => (
    <button
      role="menuitem"
      onClick={() => {
        close();
        try {
          void Promise.resolve(run()).catch(report);
        } catch (e) {
          report(e);
        }
      }}
    >
      {label}
    </button>
  );
  return (
    <div className="pair">
      <button onClick={downloadExport} aria-label="Export JSON: points and samples">
        Export JSON
      </button>
      <Popover label="▾" ariaLabel="More export options" kind="menu">
        {(close) => (
          <>
            {item('Points as CSV', downloadPointsCsv, close)}
            {item('Landscape as PNG (2×)', downloadLandscapePng2x, close)}
            {item('Landscape as SVG (vector figure)', downloadLandscapeSvg, close)}
            {item('Model weights (JSON)', downloadWeights, close)}
            {item('Load model weights…', () => weightsInput.current?.click(), close)}
            {item('Run as Python (PyTorch script)', downloadPython, close)}
          </>
        )}
      </Popover>
      <input
        ref={weightsInput}
        type="file"
        hidden
        accept=".json,application/json"
        data-testid="weights-file"
        aria-label="Model weights file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void loadWeightsFile(file);
        }}
      />
    </div>
  );
}
