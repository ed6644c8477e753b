// The sliders of one group of the settings table, in table order, showing only the rows that
// apply to the current sampler, model and mode (src/contract/settings.ts rowShown).
import { rowShown, SETTING_ROWS, type SettingGroup } from '../contract/settings';
import { useApp } from '../state/store';
import { SettingSlider } from './Slider';

export function SettingSliders({ group }: { group: SettingGroup }) {
  const s = useApp((a) => a.settings);
  return (
    <>
      {SETTING_ROWS.filter((r) => r.group === group && rowShown(r, s)).map((r) => (
        <SettingSlider key={r.key} row={r} />
      ))}
    </>
  );
}
