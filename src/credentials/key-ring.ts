/**
 * The issuer's key ring: the key that signs now, and every public key that
 * ever signed, so that a rotation never invalidates a credential issued
 * before it. The signing key comes from configuration, or from the key
 * folder, where it is made at first start.
 */
import * as Ed25519Multikey from "@digitalcredentials/ed25519-multikey";
import { signingKeyFromSecret } from "./configured-key.js";
import { IssuerKeyError } from "./errors.js";
import {
  ensureKeyFolder,
  type IssuerKey,
  readKeyRing,
  readSigningKey,
  type StoredSigningKey,
  writeKeyRing,
  writeSigningKey,
} from "./key-files.js";

export type { IssuerKey, StoredSigningKey } from "./key-files.js";

export interface KeyRing {
  signing: StoredSigningKey;
  /** Oldest first; the signing key is the one without `retiredAt`. */
  keys: readonly IssuerKey[];
}

export async function openKeyRing(
  folder: string,
  configuredSecret?: string,
): Promise<KeyRing> {
  await ensureKeyFolder(folder);
  const signing = configuredSecret
    ? await signingKeyFromSecret(configuredSecret)
    : ((await readSigningKey(folder)) ?? (await firstSigningKey(folder)));
  const keys = await settleRing(folder, signing.publicKeyMultibase);
  return { signing, keys };
}

/** Makes a new signing key; the old one stays in the ring, retired. */
export async function rotateSigningKey(
  folder: string,
  configuredSecret?: string,
): Promise<KeyRing> {
  if (configuredSecret) {
    throw new IssuerKeyError(
      "the signing key comes from ISSUER_SECRET_KEY; rotate it by setting a new value there",
    );
  }
  await ensureKeyFolder(folder);
  const next = await newSigningKey();
  // The ring learns the key before it can sign anything.
  const keys = await settleRing(folder, next.publicKeyMultibase);
  await writeSigningKey(folder, next);
  return { signing: next, keys };
}

/** The ring with `current` listed and active, and every other key retired. */
export function withCurrentKey(
  known: readonly IssuerKey[],
  current: string,
  now: Date,
): IssuerKey[] {
  const listed = known.some((key) => key.publicKeyMultibase === current)
    ? known
    : [...known, { publicKeyMultibase: current, createdAt: now.toISOString() }];
  return listed.map((key) => {
    if (key.publicKeyMultibase === current) {
      const { retiredAt: _, ...active } = key;
      return active;
    }
    return key.retiredAt ? key : { ...key, retiredAt: now.toISOString() };
  });
}

async function settleRing(
  folder: string,
  current: string,
): Promise<IssuerKey[]> {
  const known = await readKeyRing(folder);
  const keys = withCurrentKey(known, current, new Date());
  if (JSON.stringify(keys) !== JSON.stringify(known)) {
    await writeKeyRing(folder, keys);
  }
  return keys;
}

async function firstSigningKey(folder: string): Promise<StoredSigningKey> {
  const key = await newSigningKey();
  await writeSigningKey(folder, key);
  return key;
}

async function newSigningKey(): Promise<StoredSigningKey> {
  const key = await Ed25519Multikey.generate();
  const exported = await key.export({ publicKey: true, secretKey: true });
  if (!exported.secretKeyMultibase) {
    throw new IssuerKeyError("the key library exported no secret key");
  }
  return {
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
  };
}
