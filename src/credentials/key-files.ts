/**
 * The files of the issuer's keys: the signing key, readable by the service's
 * user only, and the key ring of public keys. Each is replaced whole, so a
 * crash leaves the old or the new file, never half of one.
 */
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export interface StoredSigningKey {
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

export interface IssuerKey {
  publicKeyMultibase: string;
  createdAt: string;
  /** Set once another key signs; the key still verifies what it signed. */
  retiredAt?: string;
}

const signingKeyFile = "signing-key.json";
const keyRingFile = "key-ring.json";

/**
 * Only the key folder itself is private: folders above it are shared, for
 * instance with the embedded PostgreSQL's data folder beside it, which the
 * `postgres` OS user must be able to pass through.
 */
export async function ensureKeyFolder(folder: string): Promise<void> {
  await mkdir(dirname(folder), { recursive: true });
  await mkdir(folder, { recursive: true, mode: 0o700 });
}

export async function readSigningKey(
  folder: string,
): Promise<StoredSigningKey | undefined> {
  return readJson<StoredSigningKey>(join(folder, signingKeyFile));
}

export async function writeSigningKey(
  folder: string,
  key: StoredSigningKey,
): Promise<void> {
  await replaceFile(join(folder, signingKeyFile), key, 0o600);
}

export async function readKeyRing(folder: string): Promise<IssuerKey[]> {
  const ring = await readJson<{ keys: IssuerKey[] }>(join(folder, keyRingFile));
  return ring?.keys ?? [];
}

export async function writeKeyRing(
  folder: string,
  keys: readonly IssuerKey[],
): Promise<void> {
  await replaceFile(join(folder, keyRingFile), { keys }, 0o644);
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return undefined;
    }
    throw error;
  }
}

async function replaceFile(
  path: string,
  content: unknown,
  mode: number,
): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, {
    mode,
  });
  await chmod(temporary, mode);
  await rename(temporary, path);
}
