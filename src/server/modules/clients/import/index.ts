// Client CSV import (issue 4): the only import surface of the importer.
//   clientImportRoutes(deps)   POST/GET /clients/import…  (registered in app.ts)
//   importJobHandler(deps)     job kind IMPORT_JOB_KIND ('clients.import'); register with the platform worker
//   runImport(deps, payload)   the same work without the job queue (bench, tests)
import { excludeFromBusinessExport, registerMergeTable } from '../index.js';

// A merge moves the import links of the merged card onto the kept one, so a re-run still recognises it, and
// the report rows that matched it (a skipped row's "already a client" link then opens the kept card).
registerMergeTable('client_import_links');
registerMergeTable('client_import_rows');
// The business export keeps the imports and their reports; the uploaded files (a copy of what the owner
// already has) and the re-run links (derived, technical) stay out.
excludeFromBusinessExport('client_import_files');
excludeFromBusinessExport('client_import_links');

export { readFile } from './parse.js';
export { detectPreset, PRESETS, type PresetId, suggestMapping } from './presets.js';
export { reportCsv } from './report.js';
export { clientImportRoutes } from './routes.js';
export { IMPORT_JOB_KIND, type ImportJobPayload, importJobHandler, runImport } from './runner.js';
export { createImport, dryRun, getImport, type ImportDto, setMapping, startRun } from './service.js';
