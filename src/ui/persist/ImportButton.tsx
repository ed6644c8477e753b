// "Import…": pick a JSON (export or document) or CSV file; also a model weights file.
import { useRef } from 'react';
import { openUserFile } from './fileActions';

export const IMPORT_ACCEPT = '.json,.csv,.txt,application/json,text/csv,text/plain';

export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        aria-label="Import points and settings from a file"
        title="Import a JSON or CSV file (or drop one anywhere on the page)"
        onClick={() => input.current?.click()}
      >
        Import…
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={IMPORT_ACCEPT}
        data-testid="import-file"
        aria-label="Import file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // picking the same file again must fire again
          if (file) void openUserFile(file);
        }}
      />
    </>
  );
}
