import type { Layers } from '../viz/landscapeRenderer';
import { useOverlays } from './overlayState';

const NAMES: Record<keyof Layers, string> = {
  heatmap: 'Energy',
  contours: 'Contours',
  samples: 'Samples',
  points: 'Data',
};

export function LayerToggles({
  layers,
  setLayers,
}: {
  layers: Layers;
  setLayers: (l: Layers) => void;
}) {
  const gradient = useOverlays((o) => o.gradient);
  return (
    <fieldset className="layers">
      <legend>Show</legend>
      {(Object.keys(NAMES) as (keyof Layers)[]).map((k) => (
        <label key={k}>
          <input
            type="checkbox"
            checked={layers[k]}
            onChange={(e) => setLayers({ ...layers, [k]: e.target.checked })}
          />
          {NAMES[k]}
        </label>
      ))}
      <label title="Arrows of −∇E on a coarse grid: the way the energy falls fastest">
        <input
          type="checkbox"
          checked={gradient}
          onChange={(e) => useOverlays.getState().setGradient(e.target.checked)}
        />
        −∇E field
      </label>
    </fieldset>
  );
}
