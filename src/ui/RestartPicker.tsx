// Where re-initialised chains restart: one option per row of src/contract/reinit.ts, with
// what each choice teaches. Shown beside the re-init fraction ρ it qualifies.
import { useId } from 'react';
import { REINIT_SOURCES, REINIT_SPECS, type ReinitSource } from '../contract/reinit';
import { useApp } from '../state/store';
import { useHidden } from './persist/hidden';

export function RestartPicker() {
  const from = useApp((a) => a.settings.reinitFrom);
  const set = useApp((a) => a.setSettings);
  const hidden = useHidden('reinitFrom');
  const id = useId();
  if (hidden) return null;
  return (
    <div className="objective">
      <div className="slider">
        <label htmlFor={id}>
          <span>Restart from</span>
        </label>
        <select
          id={id}
          data-testid="reinit-select"
          value={from}
          onChange={(e) => set({ reinitFrom: e.target.value as ReinitSource })}
        >
          {REINIT_SOURCES.map((r) => (
            <option key={r} value={r}>
              {REINIT_SPECS[r].label}
            </option>
          ))}
        </select>
      </div>
      <p className="hint" data-testid="reinit-explained">
        {REINIT_SPECS[from].explanation}
      </p>
    </div>
  );
}
