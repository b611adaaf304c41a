/**
 * Keeps two live processes off one data folder: `owner.lock` holds the pid of
 * the process whose server uses it, and a lock whose process is gone is stale.
 */
import { randomUUID } from "node:crypto";
import { link, open, readFile, rename, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { EmbeddedServerError } from "./errors.js";

export interface DataFolderLock {
  release(): Promise<void>;
}

/**
 * Locks this process holds: a lock naming our own pid but missing here comes
 * from an earlier process that had the same pid, as happens across container
 * restarts where the service is always pid 1.
 */
const heldLocks = new Set<string>();

const maxAttempts = 10;

export async function acquireDataFolderLock(
  lockPath: string,
  dataDir: string,
  logger: Logger,
): Promise<DataFolderLock> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (await tryCreateLock(lockPath)) {
      heldLocks.add(lockPath);
      return { release: () => releaseLock(lockPath) };
    }
    const content = await readSettledLock(lockPath);
    if (content === undefined) continue;
    const pid = parsePid(content);
    if (pid !== undefined && isLiveOwner(pid, lockPath)) {
      throw busyError(dataDir, pid);
    }
    logger.warn({ dataDir, stalePid: pid }, "removing stale data folder lock");
    await discardStaleLock(lockPath, content);
  }
  throw new EmbeddedServerError(
    "EMBEDDED_SERVER_BUSY",
    `Data folder ${dataDir} is contended by several starting processes`,
  );
}

function busyError(dataDir: string, pid: number): EmbeddedServerError {
  return new EmbeddedServerError(
    "EMBEDDED_SERVER_BUSY",
    `Data folder ${dataDir} is in use by process ${pid}; stop it or ` +
      "choose another data folder with EMBEDDED_PG_DIR",
  );
}

async function tryCreateLock(lockPath: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(lockPath, "wx");
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(String(process.pid));
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * The lock's content, waiting briefly while it is empty: a concurrent starter
 * may have created it and not written its pid yet. Undefined: no lock.
 */
async function readSettledLock(lockPath: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const content = await readLock(lockPath);
    if (content !== "") return content;
    await sleep(50);
  }
  return "";
}

async function readLock(lockPath: string): Promise<string | undefined> {
  try {
    return (await readFile(lockPath, "utf8")).trim();
  } catch (error) {
    if (errorCode(error) === "ENOENT") return undefined;
    throw error;
  }
}

function parsePid(content: string): number | undefined {
  const pid = Number(content);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

function isLiveOwner(pid: number, lockPath: string): boolean {
  if (pid === process.pid) return heldLocks.has(lockPath);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === "EPERM";
  }
}

/**
 * Moves the lock aside before deleting it, so that of two starters that both
 * judged it stale, one cannot delete the fresh lock the other just took: if
 * what was moved is not what was judged, it goes back.
 */
async function discardStaleLock(lockPath: string, judged: string) {
  const aside = `${lockPath}.${process.pid}.${randomUUID()}`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw error;
  }
  try {
    if ((await readLock(aside)) !== judged) await restoreLock(aside, lockPath);
  } finally {
    await rm(aside, { force: true });
  }
}

async function restoreLock(aside: string, lockPath: string): Promise<void> {
  try {
    await link(aside, lockPath);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
  }
}

async function releaseLock(lockPath: string): Promise<void> {
  if (!heldLocks.delete(lockPath)) return;
  if ((await readLock(lockPath)) === String(process.pid)) {
    await rm(lockPath, { force: true });
  }
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}
