// "Predict, then reveal" inside a lesson step: the student brushes on the landscape where they
// expect the samples (or the lowest energy), presses Play, then Reveal. The score is the share
// of p_θ's mass under the sketch (src/viz/sketch.ts) from the latest frame, beside the share of
// the box the sketch covers (what it would hold by chance); the density view switches to p_θ
// so the sketch and the density show overlaid.
import { useEffect } from 'react';
import { engine } from '../../state/engine';
import { frames } from '../../state/frameHolder';
import { useApp } from '../../state/store';
import { sketchScore } from '../../viz/sketch';
import { usePredict, resetPredict } from './predictState';

const PROMPT = {
  samples: 'Brush on the plot where you expect the samples to be once the model has trained.',
  lowEnergy: 'Brush on the plot where you expect the lowest energy (the most probable region).',
} as const;

const pct = (v: number) => `${(100 * v).toFixed(0)} %`;

export function PredictBox({ target }: { target: 'samples' | 'lowEnergy' }) {
  const sketching = usePredict((p) => p.sketching);
  const revealed = usePredict((p) => p.revealed);
  const painted = usePredict((p) => p.version >= 0 && p.mask.some((v) => v));
  const playing = useApp((a) => a.playing);
  useEffect(() => {
    resetPredict();
    usePredict.getState().start();
    return resetPredict;
  }, [target]);
  const reveal = () => {
    const f = frames.latest;
    if (!f) return;
    const { mask } = usePredict.getState();
    const { beta } = useApp.getState().settings;
    const score = sketchScore(mask, f.grid, f.gridSize, { min: -4, max: 4 }, beta);
    usePredict.getState().reveal(score, f.iteration);
    useApp.getState().setView({ density: 'density' });
  };
  return (
    <div className="predict-box" data-testid="predict">
      <p>
        <b>Predict, then reveal.</b> {PROMPT[target]} {sketching ? 'Your sketch is pink.' : ''}
      </p>
      <div className="predict-actions">
        <button
          aria-pressed={sketching}
          onClick={() => usePredict.getState()[sketching ? 'stop' : 'start']()}
        >
          {sketching ? 'Stop sketching (edit points)' : 'Sketch my guess'}
        </button>
        <button onClick={() => usePredict.getState().clear()} disabled={!painted}>
          Clear sketch
        </button>
        {!playing && !revealed && (
          <button onClick={() => engine.play()} disabled={!painted}>
            ▶ Play
          </button>
        )}
        <button className="primary" onClick={reveal} disabled={!painted} data-testid="reveal">
          Reveal
        </button>
      </div>
      {revealed && (
        <p role="status" data-testid="predict-score">
          Your sketch holds <b>{pct(revealed.mass)}</b> of p<sub>θ</sub>’s mass at iteration{' '}
          {revealed.iteration}, on {pct(revealed.area)} of the box (a sketch placed by chance would
          hold about {pct(revealed.area)}). The plot now shows p<sub>θ</sub> under your sketch.
        </p>
      )}
    </div>
  );
}
