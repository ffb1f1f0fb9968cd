// One write lock per SQLite file for this process. The app opens the file twice: the turn's own connection
// (sql.ts) and Prisma's (client.ts). While one held SQLite's write lock across an await, a write on the other
// used to wait in SQLite's busy handler, which sleeps synchronously: the whole process stopped, the holder could
// not finish, and the write failed after 5 s. Both connections now take this lock before writing, so they wait
// for each other asynchronously. Other processes (the CLI) still meet SQLite's own lock. Tests:
// test/store/sqlite-write-lock.test.ts.
import { resolve } from "node:path";

/** Longest wait for the lock before going ahead anyway (SQLite's own busy handling then decides). */
const MAX_WAIT_MS = 10_000;

/** An async mutex in FIFO order. */
export class WriteLock {
  private tail: Promise<void> = Promise.resolve();

  /** Waits for the lock (at most MAX_WAIT_MS) and returns its release. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const before = this.tail;
    this.tail = before.then(() => held);
    let timer: NodeJS.Timeout | undefined;
    // A write inside a Prisma transaction that mistakenly uses the outer client would wait for itself forever.
    const gaveUp = new Promise<void>((r) => (timer = setTimeout(r, MAX_WAIT_MS)));
    await Promise.race([before, gaveUp]);
    clearTimeout(timer);
    return release;
  }

  /** Runs `fn` holding the lock. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const locks = new Map<string, WriteLock>();

/** The lock of the SQLite file at `path` (the same object for every connection of this process). */
export function writeLockFor(path: string): WriteLock {
  const key = resolve(path);
  let lock = locks.get(key);
  if (!lock) locks.set(key, (lock = new WriteLock()));
  return lock;
}
