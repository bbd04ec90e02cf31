import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// SQLite copies the write-ahead log back into the database file (a checkpoint) by itself, inside the COMMIT
// that takes the log past 1,000 pages. better-sqlite3 runs that COMMIT on the event loop, so about one
// write in forty stalled every request in flight for 6–40 ms while pages were copied and the file synced:
// half of all commit time, and most of the slowest percent of bookings and checkouts. The server's
// connection therefore never checkpoints; a connection in a worker thread runs a PASSIVE checkpoint every
// `intervalMs` (it copies what it can without blocking the writer or the readers, and syncs the database
// file before the log is reused, as SQLite's own does).

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
db.pragma('synchronous = NORMAL');
db.pragma('wal_autocheckpoint = 0');
let checkpoints = 0;
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    if (r && r.log > 0) checkpoints++;
  } catch {
    // busy (another checkpoint, a restore): the next tick tries again
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'count') return parentPort.postMessage({ checkpoints });
  if (m === 'close') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.postMessage({ closed: true });
  }
});
`;

export type Checkpointer = {
  /** How many checkpoints found pages to copy (tests). */
  count(): Promise<number>;
  /** A last checkpoint, then the thread's connection is closed. */
  close(): Promise<void>;
};

/** Starts the checkpoint thread for the SQLite file `file` (in WAL mode, its writer set to wal_autocheckpoint=0). */
export function startCheckpointer(file: string, intervalMs: number): Checkpointer {
  const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driverPath, intervalMs } });
  // The thread never keeps the process alive: closing the database stops it, exiting without closing loses nothing.
  worker.unref();
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      exited = true;
      resolve();
    });
  });
  const ask = <T>(message: string, pick: (reply: Record<string, unknown>) => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(new Error('the SQLite checkpoint thread has stopped'));
      const onMessage = (reply: Record<string, unknown>) => {
        const value = pick(reply);
        if (value === undefined) return;
        worker.off('message', onMessage);
        resolve(value);
      };
      worker.on('message', onMessage);
      worker.postMessage(message);
    });
  // A failure in the thread (the file went away) must not take the server down; SQLite's writer then grows the
  // log until the next start, which checkpoints it.
  worker.on('error', () => {});
  return {
    count: () => ask('count', (r) => (typeof r.checkpoints === 'number' ? r.checkpoints : undefined)),
    close: async () => {
      if (!exited) {
        await Promise.race([ask('close', (r) => (r.closed ? true : undefined)).catch(() => true), exit]);
        await worker.terminate();
      }
      await exit;
    },
  };
}
