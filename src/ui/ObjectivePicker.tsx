// The objective picker: one option per row of the objective registry, switchable live, with
// the chosen objective's formula and what it teaches (src/contract/objectives.ts). Its own
// parameters (DSM's σ) are rows of the settings table shown by the training sliders.
import { useId } from 'react';
import { OBJECTIVE_SPECS, OBJECTIVES, type ObjectiveName } from '../contract/objectives';
import { useApp } from '../state/store';
import { useHidden } from './persist/hidden';

export function ObjectivePicker() {
  const objective = useApp((a) => a.settings.objective);
  const set = useApp((a) => a.setSettings);
  const hidden = useHidden('objective');
  const id = useId();
  const spec = OBJECTIVE_SPECS[objective];
  if (hidden) return null;
  return (
    <div className="objective">
      <div className="slider">
        <label htmlFor={id}>
          <span>Objective</span>
        </label>
        <select
          id={id}
          data-testid="objective-select"
          value={objective}
          onChange={(e) => set({ objective: e.target.value as ObjectiveName })}
        >
          {OBJECTIVES.map((o) => (
            <option key={o} value={o} title={OBJECTIVE_SPECS[o].label}>
              {OBJECTIVE_SPECS[o].short}
            </option>
          ))}
        </select>
      </div>
      <p className="formula" data-testid="objective-formula">
        {spec.formula}
      </p>
      <p className="hint" data-testid="objective-explained">
        {spec.explanation}
        {spec.usesSampler ? '' : ' The chains below only draw the picture.'}
      </p>
    </div>
  );
}
