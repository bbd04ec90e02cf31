// Cash drawer shifts — the module's only import surface.
//   shiftRoutes(deps)                        /shifts (open, movements, close, X report) and /stores/:id/z-report
//   openShift / addMovement / closeShift     services (own transaction each, audited)
//   xReport(db, shiftId) / zReport(db, storeId, date)
//   DENOMINATIONS, countTotal, expectedCash  pure drawer arithmetic
export { countTotal, DENOMINATIONS, expectedCash } from './drawer.js';
export { ShiftErrors } from './errors.js';
export { shiftRoutes } from './routes.js';
export { addMovement, closeShift, openShift, xReport, zReport } from './service.js';
