/**
 * The Open Badges 3.0 specification's signed example and its test key; see
 * test/fixtures/README.md for where they come from.
 */
import { readFileSync } from "node:fs";

export const specIssuer = "https://example.edu/issuers/565049";
export const specPublicKey = "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi";
export const specSecretKey =
  "zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx";
export const specMethod = `${specIssuer}#${specPublicKey}`;

export function specSignedCredential(): Record<string, unknown> {
  const path = new URL(
    "../../fixtures/ob3-spec-signed-credential.json",
    import.meta.url,
  );
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

/** What the example's issuer would publish at its id: its key under assertionMethod. */
export const specController = {
  "@context": [
    "https://www.w3.org/ns/did/v1",
    "https://w3id.org/security/multikey/v1",
  ],
  id: specIssuer,
  verificationMethod: [
    {
      id: specMethod,
      type: "Multikey",
      controller: specIssuer,
      publicKeyMultibase: specPublicKey,
    },
  ],
  assertionMethod: [specMethod],
};
