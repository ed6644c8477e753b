// Training and chain settings: loops over the contract's settings table. Everything applies
// live; a model parameter rebuilds the model (the points are kept).
import { CHAIN_OPTIONS, type ChainCount } from '../contract/settings';
import { useApp } from '../state/store';
import { ObjectivePicker } from './ObjectivePicker';
import { RestartPicker } from './RestartPicker';
import { useHidden } from './persist/hidden';
import { SettingSliders } from './SettingGroup';

export function Controls() {
  const chains = useApp((a) => a.settings.chains);
  const set = useApp((a) => a.setSettings);
  const hideChains = useHidden('chains');
  return (
    <section className="panel" aria-label="Settings">
      <div className="settings-group">
        <h2>Training</h2>
        <ObjectivePicker />
        <SettingSliders group="training" />
        <SettingSliders group="model" />
      </div>
      <div className="settings-group">
        <h2>Chains</h2>
        <SettingSliders group="chains" />
        <RestartPicker />
        <div className="slider" hidden={hideChains}>
          <label htmlFor="chains">
            <span>Chains (samples shown)</span>
          </label>
          <select
            id="chains"
            value={chains}
            onChange={(e) => set({ chains: Number(e.target.value) as ChainCount })}
          >
            {CHAIN_OPTIONS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  );
}
