/**
 * `credential <learner> <badge>`: prints the signed Open Badges credential
 * of a learner's badge. `rotate-key`: gives the issuer a new signing key,
 * keeping the old one in the key ring so what it signed still verifies.
 */
import { z } from "zod";
import { loadConfig } from "../config.js";
import { Credentials } from "../credentials/credentials.js";
import { rotateSigningKey } from "../credentials/key-ring.js";
import { BadgeServiceError } from "../domain/errors.js";
import { withDatabase } from "./one-off.js";

const uuid = z.guid().transform((value) => value.toLowerCase());

export function runCredential(learner: string, badge: string): Promise<number> {
  const learnerId = argument("learner", learner);
  const badgeId = argument("badge", badge);
  return withDatabase(async ({ config, catalog, pool }) => {
    const credentials = await Credentials.open(config, catalog, pool);
    const credential = await credentials.credentialOfBadge(learnerId, badgeId);
    if (!credential) {
      throw new BadgeServiceError(
        "NOT_FOUND",
        `learner ${learnerId} was never awarded badge ${badgeId}`,
      );
    }
    process.stdout.write(`${JSON.stringify(credential, null, 2)}\n`);
    return 0;
  });
}

export async function runRotateKey(): Promise<number> {
  const config = loadConfig();
  const ring = await rotateSigningKey(
    config.CREDENTIALS_DIR,
    config.ISSUER_SECRET_KEY,
  );
  process.stdout.write(
    `new signing key ${ring.signing.publicKeyMultibase}; ` +
      `${ring.keys.length - 1} earlier key(s) kept for verification. ` +
      "Restart the service to sign with the new key.\n",
  );
  if (!config.ISSUER_ID || config.ISSUER_ID.startsWith("did:key:")) {
    process.stderr.write(
      "warning: the issuer is a did:key, so the new key is a new issuer: " +
        "earlier credentials keep a valid proof, but their status lists are " +
        "now signed by another issuer and strict verifiers refuse them. " +
        "Set ISSUER_ID to an https URL for rotations that keep the issuer.\n",
    );
  }
  return 0;
}

function argument(name: string, value: string): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) {
    throw new BadgeServiceError(
      "INVALID_ARGUMENT",
      `${name} must be a uuid, not ${JSON.stringify(value)}`,
    );
  }
  return parsed.data;
}
