// The toolbar's right-hand group: undo/redo, share link, import, export — each hidden when a
// classroom link hides it — plus the page-wide file drop target.
import { useApp } from '../../state/store';
import { ExportMenu } from './ExportMenu';
import { FileDropZone } from './FileDropZone';
import { useHidden } from './hidden';
import { ImportButton } from './ImportButton';
import { ShareButton } from './ShareButton';
import { UndoRedo } from './UndoRedo';
import './persist.css';

/** Shown while a link hides controls: says so, and brings them back on request. */
function HiddenControls() {
  const count = useApp((a) => a.hidden.length);
  const setHidden = useApp((a) => a.setHidden);
  if (count === 0) return null;
  return (
    <button
      className="link-button"
      title={`This page was shared with ${count} control${count === 1 ? '' : 's'} hidden`}
      onClick={() => setHidden([])}
    >
      Show all controls
    </button>
  );
}

export function PersistActions() {
  const hideShare = useHidden('share');
  const hideImport = useHidden('import');
  const hideExport = useHidden('export');
  return (
    <div className="persist-actions">
      <HiddenControls />
      <UndoRedo />
      {!hideShare && <ShareButton />}
      {!hideImport && <ImportButton />}
      {!hideImport && <FileDropZone />}
      {!hideExport && <ExportMenu />}
    </div>
  );
}
