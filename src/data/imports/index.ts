export { importsDomain } from "./domain.ts";
export type { Importer, ProgressSink } from "./importer.ts";
export { formatIssue, type ImportIssue, type ImportReport, ImportRejected, type NameProblem } from "./report.ts";
export { importerFor, importers } from "./registry.ts";
export { type Recognition, recogniseFile, unrecognisedText } from "./detect.ts";
export { type ImportRequest, runImport } from "./run-import.ts";
export { type ImportStep, sharedDataSteps } from "./shared-data.ts";
export {
  decodeText,
  MAX_IMPORT_BYTES,
  readSourceFile,
  sizeLimitText,
  type SourceFile,
  sourceFromBytes,
} from "./source-file.ts";
export { readNumberCell } from "./cells.ts";
export { importPaths } from "./paths.ts";
export { closeXlsxReader } from "./xlsx-reader.ts";
export { isWorkbook, readTable } from "./spreadsheet.ts";
export type { CsvRow } from "./source-file.ts";
export { IMPORT_JOB_RETENTION_SECONDS, scheduleImportJobPurge } from "./job-purge.ts";
export { startImportJob } from "./job-runner.ts";
