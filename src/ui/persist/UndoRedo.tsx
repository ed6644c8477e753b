// Undo / redo buttons for point edits, presets, imports and settings (also Ctrl/Cmd-Z and
// Shift-Ctrl/Cmd-Z, see useKeyboardShortcuts.ts).
import { canRedo, canUndo } from '../../state/history';
import { useApp } from '../../state/store';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl+';

export function UndoRedo() {
  const undoable = useApp((a) => canUndo(a.undoHistory));
  const redoable = useApp((a) => canRedo(a.undoHistory));
  const undo = useApp((a) => a.undo);
  const redo = useApp((a) => a.redo);
  return (
    <div className="pair">
      <button aria-label="Undo" title={`Undo (${MOD}Z)`} disabled={!undoable} onClick={undo}>
        ↶
      </button>
      <button aria-label="Redo" title={`Redo (${MOD}Shift+Z)`} disabled={!redoable} onClick={redo}>
        ↷
      </button>
    </div>
  );
}
