import type { Layers } from '../viz/landscapeRenderer';

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
    </fieldset>
  );
}
