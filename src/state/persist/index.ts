// The persistence core in one import: documents, links, autosave, file import and export.
export { parseDocumentStrict, type StrictResult } from './strict';
export { parseDocumentLenient, type LenientResult } from './lenient';
export { migrate, MIGRATIONS, type Migration, type MigrateResult } from './migrate';
export {
  decodeLink,
  encodeLink,
  linkDocument,
  MAX_URL_LENGTH,
  type EncodeLinkResult,
} from './link';
export {
  AUTOSAVE_KEY,
  BACKUP_SUFFIX,
  browserStorage,
  restoreDocument,
  saveDocument,
  type RestoreResult,
  type SaveResult,
  type StorageLike,
} from './storage';
export {
  applyImport,
  importFile,
  MAX_FILE_BYTES,
  parseImport,
  type FileLike,
  type ImportedData,
  type ImportResult,
  type ReadFile,
  type Sample,
} from './importFile';
export { parseCsv, type CsvResult } from './csv';
export { buildExportJson, buildPointsCsv, exportFileName, type ExportInput } from './exportFile';
