import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite copies the write-ahead log back into the database file (a checkpoint) by itself, inside the COMMIT
// that takes the log past 1,000 pages. better-sqlite3 runs that COMMIT on the event loop, so about one
// write in forty stalled every request in flight for 6–40 ms while pages were copied and the file synced:
// half of all commit time, and most of the slowest percent of bookings and checkouts. So a connection in a
// worker thread runs a PASSIVE checkpoint after every `everyWrites` acknowledged writes (it copies what it
// can without blocking the writer or the readers, and syncs the database file before the log is reused, as
// SQLite's own does). Counting writes, not time, keeps a quiet server from restarting its log (a header
// sync inside a commit) every few seconds.
//
// The server's connection keeps a far-off automatic checkpoint (SAFETY_NET_PAGES) as a bound: under
// writes that never pause, the thread's checkpoints never quite catch up with the end of the log, and SQLite
// reuses the log from its start only after one that did; the writer's own checkpoint then has little left to
// copy. If the thread fails, the writer goes back to SQLite's default.
export const SAFETY_NET_PAGES = 10_000;
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
let checkpoints = 0;
let last = '';
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    const now = r.log + '/' + r.checkpointed;
    if (r.checkpointed > 0 && now !== last) checkpoints++;
    last = now;
  } catch (err) {
    // Busy (a checkpoint by the writer's safety net): the next one catches up. Anything else is reported.
    if (!String(err && err.code).startsWith('SQLITE_BUSY')) parentPort.postMessage({ failed: String(err && err.message) });
  }
};
parentPort.on('message', (m) => {
  if (m === 'checkpoint') return checkpoint();
  if (m === 'count') return parentPort.postMessage({ checkpoints });
  if (m === 'close') {
    checkpoint();
    db.close();
    parentPort.postMessage({ closed: true });
  }
});
`;

export type Checkpointer = {
  /** One more write was acknowledged; every `everyWrites` of them start a checkpoint. */
  noteWrite(): void;
  /** How many checkpoints copied pages (tests). */
  count(): Promise<number>;
  /** A last checkpoint, then the thread's connection is closed. */
  close(): Promise<void>;
};

/**
 * Starts the checkpoint thread for the SQLite file `file` (in WAL mode). `onFailure` runs once if the
 * thread reports an error or dies: the caller hands checkpoints back to SQLite.
 */
export function startCheckpointer(file: string, everyWrites: number, onFailure: (reason: string) => void): Checkpointer {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driverPath } });
  // The thread never keeps the process alive: closing the database stops it, exiting without closing loses nothing.
  worker.unref();
  let writes = 0;
  let stopped = false;
  let closing = false;
  const stop = (reason: string) => {
    if (stopped) return;
    stopped = true;
    if (!closing) onFailure(reason);
  };
  const exit = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      stop(`the SQLite checkpoint thread exited (${code})`);
      resolve();
    });
  });
  worker.on('error', (err) => stop(String(err)));
  worker.on('message', (m: { failed?: string }) => {
    if (m.failed !== undefined) {
      stop(m.failed);
      void worker.terminate();
    }
  });
  const ask = <T>(message: string, pick: (reply: Record<string, unknown>) => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      if (stopped) return reject(new Error('the SQLite checkpoint thread has stopped'));
      const onMessage = (reply: Record<string, unknown>) => {
        const value = pick(reply);
        if (value === undefined) return;
        worker.off('message', onMessage);
        resolve(value);
      };
      worker.on('message', onMessage);
      worker.postMessage(message);
    });
  return {
    noteWrite: () => {
      if (stopped || ++writes < everyWrites) return;
      writes = 0;
      worker.postMessage('checkpoint');
    },
    count: () => ask('count', (r) => (typeof r.checkpoints === 'number' ? r.checkpoints : undefined)),
    close: async () => {
      closing = true;
      if (!stopped) {
        await Promise.race([ask('close', (r) => (r.closed ? true : undefined)).catch(() => true), exit]);
        stopped = true;
        await worker.terminate();
      }
      await exit;
    },
  };
}
