/**
 * A signing key given by configuration as a Multikey secretKeyMultibase,
 * the form the Ed25519 Multikey library exports. Its public key is derived,
 * and checked against the one the value may carry.
 */
import * as Ed25519Multikey from "@digitalcredentials/ed25519-multikey";
import { decodeMultibase } from "./base58btc.js";
import { IssuerKeyError } from "./errors.js";
import type { StoredSigningKey } from "./key-files.js";

/** Multicodec prefix of an Ed25519 private key (0x1300, as a varint). */
const ed25519SecretPrefix = [0x80, 0x26];
const seedLength = 32;

export async function signingKeyFromSecret(
  secretKeyMultibase: string,
): Promise<StoredSigningKey> {
  const bytes = decodeMultibase(secretKeyMultibase);
  const body = bytes && withoutPrefix(bytes);
  if (!body || (body.length !== seedLength && body.length !== 2 * seedLength)) {
    throw new IssuerKeyError(
      "ISSUER_SECRET_KEY is not an Ed25519 Multikey secret key",
    );
  }
  const key = await Ed25519Multikey.generate({
    seed: body.subarray(0, seedLength),
  });
  const exported = await key.export({ publicKey: true, secretKey: true });
  const carried = body.subarray(seedLength);
  if (carried.length > 0 && !publicKeyEndsWith(key, carried)) {
    throw new IssuerKeyError(
      "ISSUER_SECRET_KEY carries a public key that does not belong to it",
    );
  }
  return {
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase ?? secretKeyMultibase,
  };
}

function withoutPrefix(bytes: Uint8Array): Uint8Array | undefined {
  const matches = ed25519SecretPrefix.every((byte, i) => bytes[i] === byte);
  return matches ? bytes.subarray(ed25519SecretPrefix.length) : undefined;
}

function publicKeyEndsWith(
  key: Ed25519Multikey.Ed25519Multikey,
  publicKey: Uint8Array,
): boolean {
  const derived = decodeMultibase(key.publicKeyMultibase);
  return (
    derived !== undefined &&
    Buffer.from(derived.subarray(-publicKey.length)).equals(
      Buffer.from(publicKey),
    )
  );
}
