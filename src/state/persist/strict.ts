// Strict reading for file import: the whole document is valid or nothing is accepted, and the
// one error says where and what. (Links and storage use the lenient reader in lenient.ts.)
import { DocumentSchema, type EbmDocument } from '../schema';
import { formatZodError } from './issues';
import { migrate } from './migrate';

export type StrictResult = { ok: true; doc: EbmDocument } | { ok: false; error: string };

export function parseDocumentStrict(raw: unknown): StrictResult {
  const m = migrate(raw);
  if (!m.ok) return m;
  const r = DocumentSchema.safeParse(m.doc);
  return r.success
    ? { ok: true, doc: r.data }
    : { ok: false, error: formatZodError(r.error, m.doc) };
}
