// The hook the UI asks before showing a control a classroom link may hide (the names and
// their labels are the contract's: src/contract/view.ts).
import type { ControlName } from '../../contract/view';
import { useApp } from '../../state/store';

/** True when the current page (opened from a classroom link) hides this control. */
export function useHidden(name: ControlName | undefined): boolean {
  return useApp((a) => name !== undefined && a.hidden.includes(name));
}
