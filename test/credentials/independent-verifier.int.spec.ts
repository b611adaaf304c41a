/**
 * Credentials of this service checked by @digitalcredentials/vc called
 * directly, with the package's own document loader and a status check of
 * the test's own: nothing of the service's verification code takes part.
 */
import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { securityLoader } from "@digitalcredentials/security-document-loader";
import * as vc from "@digitalcredentials/vc";
import { beforeAll, describe, expect, it } from "vitest";
import { perfectScoreId, quizMasterId } from "../support/http.js";
import { useTestApi } from "../support/test-api.js";
import { awardThroughApi, type MadeAward, revoke } from "./support/awards.js";
import { statusChecker } from "./support/independent-status.js";

const subject = useTestApi();
const documentLoader = securityLoader().build() as never;

let award: MadeAward;

beforeAll(async () => {
  award = await awardThroughApi(subject.url, subject.service, 100);
});

async function verifyDirectly(awardId: string) {
  const response = await fetch(`${subject.url}/v1/credentials/${awardId}`);
  const credential = (await response.json()) as object;
  return vc.verifyCredential({
    credential,
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader,
    checkStatus: statusChecker(subject.url, documentLoader),
  });
}

describe("@digitalcredentials/vc, called directly", () => {
  it("verifies a credential issued here: proof, did:key issuer, status", async () => {
    const result = await verifyDirectly(award.awardIdOf(quizMasterId));

    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
    expect(result.log).toContainEqual({ id: "valid_signature", valid: true });
  });

  it("sees a revocation through the published status list", async () => {
    await revoke(subject.service, award.learnerId, perfectScoreId);

    const result = await verifyDirectly(award.awardIdOf(perfectScoreId));

    expect(result.verified).toBe(false);
    expect(result.log).toContainEqual({ id: "valid_signature", valid: true });
  });
});
