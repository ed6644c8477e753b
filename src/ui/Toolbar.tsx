// Play / pause / step / reset, presets, point tools and export.
import { engine } from '../state/engine';
import { useApp } from '../state/store';
import { PRESETS, type PresetName } from '../contract/presets';
import { useHidden } from './persist/hidden';
import { PersistActions } from './persist/PersistActions';
import { SlowMotionButton } from './slowMotion/SlowMotionButton';
import type { Tool } from './usePointerEditing';
import { ClassPicker } from './jem/ClassPicker';

export const PRESET_LABELS: Record<PresetName, string> = {
  '8gaussians': '8 gaussians',
  '25gaussians': '25 gaussians',
  moons: 'Two moons',
  rings: 'Rings',
  checkerboard: 'Checkerboard',
  pinwheel: 'Pinwheel',
  swissroll: 'Swiss roll',
  spirals: 'Two spirals',
  empty: 'Empty canvas',
};

export function Toolbar({ tool, setTool }: { tool: Tool; setTool: (t: Tool) => void }) {
  const playing = useApp((a) => a.playing);
  const preset = useApp((a) => a.preset);
  const loadPreset = useApp((a) => a.loadPreset);
  const clear = useApp((a) => a.clearPoints);
  const count = useApp((a) => a.points.length);
  const hideReset = useHidden('reset');
  const hidePreset = useHidden('preset');
  const hidePoints = useHidden('points');
  return (
    <div className="toolbar" role="toolbar" aria-label="Run controls">
      <button
        className="primary"
        onClick={() => (playing ? engine.pause() : engine.play())}
        aria-label={playing ? 'Pause (space)' : 'Play (space)'}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button onClick={() => engine.step()} aria-label="Single step (s)">
        Step
      </button>
      <SlowMotionButton />
      {!hideReset && (
        <button onClick={() => engine.reset()} aria-label="Reset model (r), keep the points">
          Reset
        </button>
      )}
      <label className="inline" hidden={hidePreset}>
        <span>Data</span>
        <select
          aria-label="Preset dataset"
          value={preset ?? ''}
          onChange={(e) => loadPreset(e.target.value as PresetName)}
        >
          {preset === null && <option value="">Custom (imported)</option>}
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {PRESET_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <div className="seg" role="radiogroup" aria-label="Point tool" hidden={hidePoints}>
        <button role="radio" aria-checked={tool === 'point'} onClick={() => setTool('point')}>
          Point
        </button>
        <button role="radio" aria-checked={tool === 'brush'} onClick={() => setTool('brush')}>
          Brush
        </button>
        <button
          role="radio"
          aria-checked={tool === 'outlier'}
          onClick={() => setTool('outlier')}
          title="Add outlier points (hollow ×), or click a point to mark it as an outlier"
        >
          ✕ Outlier
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={tool === 'restore'}
          onClick={() => setTool('restore')}
          title="Drop a noisy point: Langevin at low temperature carries it back to the data"
        >
          Drop &amp; restore
        </button>
      </div>
      {!hidePoints && <ClassPicker />}
      <button onClick={clear} aria-label="Clear points" hidden={hidePoints}>
        Clear points ({count})
      </button>
      <PersistActions />
    </div>
  );
}
