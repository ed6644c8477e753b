// "Copy link": a URL that reproduces the points, settings, seed, preset and view options goes
// to the clipboard (or into a field to copy by hand when the browser refuses). Too long a link
// is refused with the JSON file offered instead. For a classroom, chosen controls can be
// hidden on the page the link opens.
import { useRef, useState } from 'react';
import { documentFromState } from '../../state/document';
import { MAX_URL_LENGTH } from '../../state/persist';
import { CONTROL_NAMES, type ControlName } from '../../contract/view';
import { encodeShareLink } from '../../state/shareLink';
import { useApp } from '../../state/store';
import { downloadExport } from '../exportJson';
import { shareBaseUrl } from '../urlParams';
import { controlLabel } from '../../contract/view';
import { Popover } from './Popover';

type Outcome =
  | { kind: 'copying'; url: string }
  | { kind: 'copied'; url: string }
  | { kind: 'manual'; url: string }
  | { kind: 'tooLong'; length: number };

/** Writes to the clipboard; false when there is none or the browser refused. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ShareButton() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [hidden, setHidden] = useState<ControlName[]>([]);
  const latest = useRef(0); // a later link's outcome wins over an earlier copy still running

  const share = async (hide: ControlName[]) => {
    const doc = { ...documentFromState(useApp.getState()) };
    if (hide.length > 0) doc.hidden = hide;
    else delete doc.hidden;
    const r = encodeShareLink(doc, shareBaseUrl(window.location.href));
    if ('tooLong' in r) {
      latest.current++;
      return setOutcome({ kind: 'tooLong', length: r.length });
    }
    const seq = ++latest.current;
    setOutcome({ kind: 'copying', url: r.url }); // shown at once; replaced when the copy lands
    const copied = await copyText(r.url);
    if (seq === latest.current) setOutcome({ kind: copied ? 'copied' : 'manual', url: r.url });
  };

  const toggle = (name: ControlName, on: boolean) => {
    const next = CONTROL_NAMES.filter((n) => (n === name ? on : hidden.includes(n)));
    setHidden(next);
    void share(next);
  };

  return (
    <Popover
      label="Copy link"
      ariaLabel="Copy link"
      title="Copy a link that reproduces these points and settings"
      kind="dialog"
      onOpen={() => {
        const current = useApp.getState().hidden;
        setHidden(current);
        void share(current);
      }}
    >
      {() => (
        <div className="share">
          {outcome?.kind === 'tooLong' ? (
            <>
              <p role="status">
                This link would be {outcome.length.toLocaleString('en')} characters long; links over{' '}
                {MAX_URL_LENGTH.toLocaleString('en')} break in mail and chat apps. Share the JSON
                file instead: it opens with Import or by dropping it on the page.
              </p>
              <button className="primary" onClick={downloadExport}>
                Download JSON file
              </button>
            </>
          ) : (
            <>
              <p role="status">
                {outcome?.kind === 'copied'
                  ? 'Link copied to the clipboard.'
                  : outcome?.kind === 'manual'
                    ? 'Copying was not allowed here: select the link and copy it (Ctrl+C / ⌘C).'
                    : 'Copying…'}
              </p>
              <input
                className="share-url"
                readOnly
                aria-label="Link to share"
                value={outcome && 'url' in outcome ? outcome.url : ''}
                onFocus={(e) => e.currentTarget.select()}
              />
            </>
          )}
          <details>
            <summary>
              Hide controls on the shared page{hidden.length > 0 ? ` (${hidden.length})` : ''}
            </summary>
            <fieldset className="hide-list">
              <legend className="sr-only">Controls to hide</legend>
              {CONTROL_NAMES.map((n) => (
                <label key={n}>
                  <input
                    type="checkbox"
                    checked={hidden.includes(n)}
                    onChange={(e) => toggle(n, e.target.checked)}
                  />
                  {controlLabel(n)}
                </label>
              ))}
            </fieldset>
          </details>
        </div>
      )}
    </Popover>
  );
}
