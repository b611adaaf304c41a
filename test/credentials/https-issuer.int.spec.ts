/**
 * An issuer identified by an https URL of this service: its controller
 * document is served at that URL, and a verifier that only has HTTP access
 * to the service can check the key through it.
 */
import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { securityLoader } from "@digitalcredentials/security-document-loader";
import * as vc from "@digitalcredentials/vc";
import { beforeAll, describe, expect, it } from "vitest";
import { postJson, quizMasterId } from "../support/http.js";
import { useTestApi } from "../support/test-api.js";
import { awardThroughApi, type MadeAward } from "./support/awards.js";
import { statusChecker } from "./support/independent-status.js";

type Json = Record<string, unknown>;

const publicBaseUrl = "https://badges.example.org";
const issuerId = `${publicBaseUrl}/v1/issuers/edupulse`;

const subject = useTestApi({
  env: {
    ISSUER_ID: issuerId,
    ISSUER_URL: "https://edupulse.example.org",
    ISSUER_EMAIL: "badges@edupulse.example.org",
    PUBLIC_BASE_URL: publicBaseUrl,
  },
});

let award: MadeAward;
let credential: Json;

beforeAll(async () => {
  award = await awardThroughApi(subject.url, subject.service, 95);
  const response = await fetch(
    `${subject.url}/v1/credentials/${award.awardIdOf(quizMasterId)}`,
  );
  credential = (await response.json()) as Json;
});

/** Fetches documents of the public base URL from the test service, the way a verifier would. */
async function fetchFromService(url: string) {
  const [address = "", fragment] = url.split("#");
  const path = new URL(address).pathname;
  const document = (await (
    await fetch(`${subject.url}${path}`)
  ).json()) as Json;
  const method = (document.verificationMethod as Json[] | undefined)?.find(
    (entry) => entry.id === url,
  );
  return fragment && method
    ? { "@context": "https://w3id.org/security/multikey/v1", ...method }
    : document;
}

describe("an https issuer of this service", () => {
  it("names itself in the credential's profile", () => {
    expect(credential.issuer).toEqual({
      id: issuerId,
      type: ["Profile"],
      name: "EduPulse Live",
      url: "https://edupulse.example.org",
      email: "badges@edupulse.example.org",
    });
    expect((credential.proof as Json).verificationMethod).toMatch(
      new RegExp(`^${issuerId}#z6Mk`),
    );
  });

  it("serves its controller document at its id, the key under assertionMethod", async () => {
    const response = await fetch(`${subject.url}/v1/issuers/edupulse`);
    const document = (await response.json()) as Json;

    expect(response.status).toBe(200);
    expect(document).toMatchObject({
      id: issuerId,
      assertionMethod: [(credential.proof as Json).verificationMethod],
    });
  });

  it("signs credentials the service's verifier accepts", async () => {
    const response = await postJson(
      `${subject.url}/v1/credentials/verify`,
      credential,
    );
    expect(await response.json()).toMatchObject({ valid: true });
  });

  it("signs credentials @digitalcredentials/vc accepts, fetching the issuer's documents", async () => {
    const bundled = securityLoader().build();
    const documentLoader = (async (url: string) =>
      url.startsWith(publicBaseUrl)
        ? {
            contextUrl: null,
            documentUrl: url,
            document: await fetchFromService(url),
          }
        : bundled(url)) as never;

    const result = await vc.verifyCredential({
      credential,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader,
      checkStatus: statusChecker(subject.url, documentLoader),
    });

    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });
});
