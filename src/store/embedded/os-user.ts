/**
 * Chooses the OS identity the server runs under: the current user, or a
 * dedicated `postgres` user when we are root, since PostgreSQL refuses root.
 */
import { execFile } from "node:child_process";
import { lchown, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Logger } from "pino";
import { EmbeddedServerError } from "./errors.js";

const execFileAsync = promisify(execFile);

const serviceUser = "postgres";

/** Spawn options that switch a child process to another user. */
export interface RunAs {
  readonly uid: number;
  readonly gid: number;
}

/** Undefined means: run as ourselves. */
export async function resolveRunAs(logger: Logger): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookupUser(serviceUser);
  if (existing) return existing;
  await createUser(serviceUser, logger);
  const created = await lookupUser(serviceUser);
  if (created) return created;
  throw new EmbeddedServerError(
    "EMBEDDED_SERVER_START_FAILED",
    `The OS user ${serviceUser} was created but cannot be found`,
  );
}

export async function chownRecursive(dir: string, owner: RunAs): Promise<void> {
  const entries = await readdir(dir, { recursive: true });
  await lchown(dir, owner.uid, owner.gid);
  for (const entry of entries) {
    await chownIfPresent(path.join(dir, entry), owner);
  }
}

/** A server left running keeps creating and deleting files meanwhile. */
async function chownIfPresent(file: string, owner: RunAs): Promise<void> {
  try {
    await lchown(file, owner.uid, owner.gid);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw error;
  }
}

async function lookupUser(name: string): Promise<RunAs | undefined> {
  try {
    const uid = await idNumber("-u", name);
    const gid = await idNumber("-g", name);
    return { uid, gid };
  } catch {
    return undefined;
  }
}

async function idNumber(flag: "-u" | "-g", name: string): Promise<number> {
  const { stdout } = await execFileAsync("id", [flag, name]);
  const value = Number.parseInt(stdout.trim(), 10);
  if (!Number.isInteger(value))
    throw new Error(`id ${flag} ${name}: ${stdout}`);
  return value;
}

async function createUser(name: string, logger: Logger): Promise<void> {
  logger.info({ user: name }, "creating OS user for embedded PostgreSQL");
  try {
    await groupAdd(name);
    await execFileAsync("useradd", ["--system", "--gid", name, name]);
  } catch (error) {
    throw new EmbeddedServerError(
      "EMBEDDED_SERVER_START_FAILED",
      `PostgreSQL refuses to run as root and the OS user ${name} ` +
        "could not be created; create it, or run the service as another user",
      { cause: error },
    );
  }
}

async function groupAdd(name: string): Promise<void> {
  try {
    await execFileAsync("groupadd", ["--system", name]);
  } catch (error) {
    // groupadd exits with 9 when the group is there already.
    if ((error as { code?: unknown }).code !== 9) throw error;
  }
}
