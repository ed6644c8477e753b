// Mode weights three ways, per preset mode (Voronoi cells of its centres): the share of p_θ's
// mass (grid quadrature, independent of where the chains are), of the data and of the chains.
// Model ≠ data: the density is weighted wrongly; model ≠ chains: the chains have not mixed.
import { useMetrics } from '../../state/store';
import { pct } from './format';

/** A model mass this far from the data's share is flagged (densityHealth.ts's WEIGHT_MAX). */
const FLAG = 0.05;

export function ModeMassTable() {
  const modes = useMetrics((s) => s.modeMass);
  if (modes.length === 0) return null;
  return (
    <table className="density-readouts mode-mass" aria-label="Mass per mode">
      <thead>
        <tr>
          <th>mode at</th>
          <th title="Share of the normalised model density p_θ">model</th>
          <th>data</th>
          <th>chains</th>
        </tr>
      </thead>
      <tbody>
        {modes.map((m, k) => (
          <tr key={k} data-testid="mode-mass-row">
            <td>
              ({m.x.toFixed(1)}, {m.y.toFixed(1)})
            </td>
            <td className={Math.abs(m.modelMass - m.dataShare) > FLAG ? 'off' : undefined}>
              {pct(m.modelMass)}
            </td>
            <td>{pct(m.dataShare)}</td>
            <td>{pct(m.chainShare)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
