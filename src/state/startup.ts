// What the page starts with: a share link in the URL fragment, else the autosave, else the
// defaults — with a notice for anything that had to be replaced. Never throws: a damaged link
// or save still opens the page.
import { defaultDocument, documentFromState, sameContent } from './document';
import { AUTOSAVE_KEY, restoreDocument, saveDocument, type StorageLike } from './persist';
import { decodeShareLink } from './shareLink';
import type { EbmDocument } from './schema';
import type { Notice } from './slices/notice';
import { useApp } from './store';

/** Where the work that a link replaced is copied (the link's document is autosaved over it). */
export const BEFORE_LINK_KEY = `${AUTOSAVE_KEY}/before-link`;

export interface StartDocument {
  doc: EbmDocument;
  source: 'link' | 'autosave' | 'default';
  /** For a link: the autosaved work it replaces (null when there was none). */
  previous: EbmDocument | null;
  notice: Notice | null;
}

const sentence = (parts: string[]): string => parts.join('; ') + '.';
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function chooseStartDocument(hash: string, storage: StorageLike | null): StartDocument {
  // What a save lacks is taken from these; not the preset: a save without one is custom data.
  const { version, points, settings } = defaultDocument();
  const saved = restoreDocument(storage, { version, points, settings });
  const link = decodeShareLink(hash);
  if (link !== null) {
    const previous = saved.restored ? saved.doc : null;
    const replaced = previous !== null && !sameContent(previous, link.doc);
    let notice: StartDocument['notice'] = null;
    if (link.notices.length > 0) {
      notice = {
        level: 'warn',
        text: `Opened a shared link, but parts of it could not be used: ${sentence(link.notices)}`,
      };
    } else if (replaced) {
      notice = {
        level: 'info',
        text: 'Opened a shared link in place of your previous work: Undo (Ctrl+Z) brings that back.',
      };
    }
    return { doc: link.doc, source: 'link', previous: replaced ? previous : null, notice };
  }
  const notice =
    saved.notices.length === 0
      ? null
      : {
          level: 'warn' as const,
          text: saved.restored
            ? `Restored your saved work, with changes: ${sentence(saved.notices)}`
            : capitalised(sentence(saved.notices)),
        };
  return saved.restored
    ? { doc: saved.doc, source: 'autosave', previous: null, notice }
    : { doc: defaultDocument(), source: 'default', previous: null, notice };
}

/**
 * Puts the start document into the store. After a link, the work it replaced is one undo
 * step back, and a copy is kept in storage under BEFORE_LINK_KEY.
 */
export function applyStartDocument(start: StartDocument, storage: StorageLike | null): void {
  const app = useApp.getState();
  if (start.previous !== null) {
    app.loadDocument(start.previous);
    app.loadDocument(start.doc, { undoable: true });
    saveDocument(storage, start.previous, BEFORE_LINK_KEY);
  } else {
    app.loadDocument(start.doc);
  }
  // The link is dropped from the address bar once read: save at once, so a reload right away
  // shows what the link opened and not the work it replaced.
  if (start.source === 'link') saveDocument(storage, documentFromState(useApp.getState()));
  if (start.notice) app.setNotice(start.notice);
}
