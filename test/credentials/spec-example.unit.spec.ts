import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { securityLoader } from "@digitalcredentials/security-document-loader";
import * as vc from "@digitalcredentials/vc";
import { describe, expect, it } from "vitest";
import { achievementOf } from "../../src/credentials/achievement.js";
import {
  documentsById,
  offlineDocumentLoader,
} from "../../src/credentials/document-loader.js";
import { Issuer } from "../../src/credentials/issuer.js";
import { openKeyRing } from "../../src/credentials/key-ring.js";
import { openBadgeCredential } from "../../src/credentials/open-badge-credential.js";
import { CredentialSigner } from "../../src/credentials/signer.js";
import { statusEntryOf } from "../../src/credentials/status-list-credential.js";
import { CredentialVerifier } from "../../src/credentials/verifier.js";
import { defaultCatalog } from "../../src/domain/catalog.js";
import {
  specController,
  specIssuer,
  specMethod,
  specPublicKey,
  specSecretKey,
  specSignedCredential,
} from "./support/spec-example.js";
import { freshKeyFolder } from "./support/test-credentials.js";

const noStatusLists = async () => undefined;

function verifierKnowing(...documents: object[]): CredentialVerifier {
  return new CredentialVerifier({
    documentLoader: offlineDocumentLoader(documentsById(documents)),
    statusLists: noStatusLists,
  });
}

describe("the specification's signed example credential", () => {
  it("verifies with this service's verifier and the spec's test key", async () => {
    const verdict = await verifierKnowing(specController).verify(
      specSignedCredential(),
    );

    expect(verdict.checks).toEqual([
      expect.objectContaining({ check: "shape", ok: true }),
      expect.objectContaining({ check: "proof", ok: true }),
      expect.objectContaining({ check: "validity", ok: true }),
      expect.objectContaining({ check: "status", ok: true }),
    ]);
    expect(verdict).toMatchObject({ valid: true, issuer: specIssuer });
  });

  it("fails with a reason once a claim in it is changed", async () => {
    const changed = specSignedCredential();
    changed.name = "Leadership Badge";

    const verdict = await verifierKnowing(specController).verify(changed);

    expect(verdict.valid).toBe(false);
    expect(verdict.checks).toContainEqual({
      check: "proof",
      ok: false,
      reason: expect.stringMatching(/signature does not match the content/),
    });
  });

  it("names the issuer document it would need when the key is unknown", async () => {
    const verdict = await verifierKnowing().verify(specSignedCredential());

    expect(verdict.valid).toBe(false);
    expect(verdict.checks).toContainEqual({
      check: "proof",
      ok: false,
      reason: expect.stringContaining(
        `cannot load ${specMethod}: it is neither a bundled JSON-LD context nor a document this service knows`,
      ),
    });
  });
});

describe("a credential signed here with a key in the spec's own format", () => {
  async function signWithSpecKey(): Promise<Record<string, unknown>> {
    const ring = await openKeyRing(freshKeyFolder(), specSecretKey);
    const issuer = new Issuer(ring, {
      ISSUER_ID: specIssuer,
      ISSUER_NAME: "Example Corp",
    });
    const signer = await CredentialSigner.create(
      ring.signing,
      issuer.signingMethodId,
      offlineDocumentLoader(issuer.documents),
    );
    const badge = defaultCatalog[0];
    if (!badge) {
      throw new Error("the default catalog is empty");
    }
    const { credentialStatus: _, ...withoutStatus } = openBadgeCredential({
      award: {
        awardId: "5b1d7c1e-4f0e-5a57-9d0e-6b2f1b9e8a41",
        position: 7,
        learnerId: "6f1c1b1e-0000-4000-8000-0000000000bb",
        badgeId: badge.id,
        awardedAt: new Date("2026-01-15T10:00:00Z"),
        reason: badge.reason,
        revoked: false,
      },
      achievement: achievementOf(badge, "https://example.edu"),
      issuer: issuer.profile(),
      status: statusEntryOf("https://example.edu", 7),
    }) as Record<string, unknown>;
    return signer.sign(withoutStatus);
  }

  it("derives the spec's public key and method id from the spec's secret key", async () => {
    const ring = await openKeyRing(freshKeyFolder(), specSecretKey);

    expect(ring.signing.publicKeyMultibase).toBe(specPublicKey);
    expect(
      new Issuer(ring, { ISSUER_ID: specIssuer, ISSUER_NAME: "x" })
        .signingMethodId,
    ).toBe(specMethod);
  });

  it("verifies with this service's verifier", async () => {
    const signed = await signWithSpecKey();

    expect(signed.proof).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      verificationMethod: specMethod,
    });
    const verdict = await verifierKnowing(specController).verify(signed);
    expect(verdict.checks.filter((check) => !check.ok)).toEqual([]);
  });

  it("verifies with @digitalcredentials/vc called directly", async () => {
    const signed = await signWithSpecKey();
    const loader = securityLoader();
    loader.addStatic(specIssuer, specController);
    loader.addStatic(specMethod, {
      "@context": "https://w3id.org/security/multikey/v1",
      ...specController.verificationMethod[0],
    });

    const result = await vc.verifyCredential({
      credential: signed,
      suite: new DataIntegrityProof({ cryptosuite }),
      documentLoader: loader.build() as never,
    });

    expect(result.verified).toBe(true);
  });
});

describe("the offline document loader", () => {
  const load = offlineDocumentLoader();

  it("serves the Open Badges 3.0.3 and VC 2.0 contexts from the bundle", async () => {
    for (const url of [
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      "https://www.w3.org/ns/credentials/v2",
    ]) {
      await expect(load(url)).resolves.toMatchObject({ documentUrl: url });
    }
  });

  it("refuses an unknown context with a clear error, never fetching it", async () => {
    await expect(
      load("https://example.org/contexts/unheard-of.jsonld"),
    ).rejects.toThrow(
      "cannot load https://example.org/contexts/unheard-of.jsonld: it is neither a bundled JSON-LD context nor a document this service knows, and verification never fetches from the network",
    );
  });

  it("refuses DID methods that need the network", async () => {
    await expect(load("did:web:example.org")).rejects.toThrow(
      /only did:key identifiers are resolved/,
    );
  });

  it("fails verification of a credential with an unknown context, naming it", async () => {
    const credential = specSignedCredential();
    (credential["@context"] as string[]).push(
      "https://example.org/contexts/unheard-of.jsonld",
    );

    const verdict = await verifierKnowing(specController).verify(credential);

    expect(verdict.checks).toContainEqual({
      check: "proof",
      ok: false,
      reason: expect.stringContaining(
        "cannot load https://example.org/contexts/unheard-of.jsonld",
      ),
    });
  });
});
