/**
 * Every property the Open Badges 3.0 data model marks as required (its
 * multiplicity 1 or 1..*), for the classes a credential of this service is
 * made of. Source: the model of the specification, 1EdTech's
 * openbadges-specification, ob_v3p0/common_credentials.lines (classes
 * AchievementCredential with its VerifiableCredential base, AchievementSubject,
 * Achievement, Criteria, Profile, Evidence, CredentialStatus, Proof), with
 * the VC 2.0 alignment of OB 3.0.3: `validFrom` where VC 1.1 had
 * `issuanceDate`, and the v2 and 3.0.3 contexts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { achievementOf } from "../../src/credentials/achievement.js";
import { offlineDocumentLoader } from "../../src/credentials/document-loader.js";
import { Issuer } from "../../src/credentials/issuer.js";
import { openKeyRing } from "../../src/credentials/key-ring.js";
import { openBadgeCredential } from "../../src/credentials/open-badge-credential.js";
import { CredentialSigner } from "../../src/credentials/signer.js";
import { statusEntryOf } from "../../src/credentials/status-list-credential.js";
import { type Badge, defaultCatalog } from "../../src/domain/catalog.js";
import { freshKeyFolder } from "./support/test-credentials.js";

type Json = Record<string, unknown>;

const baseUrl = "https://badges.example.org";
let credential: Json;

beforeAll(async () => {
  const ring = await openKeyRing(freshKeyFolder());
  const issuer = new Issuer(ring, { ISSUER_NAME: "EduPulse Live" });
  const signer = await CredentialSigner.create(
    ring.signing,
    issuer.signingMethodId,
    offlineDocumentLoader(issuer.documents),
  );
  const badge = defaultCatalog[0] as Badge;
  credential = await signer.sign(
    openBadgeCredential({
      award: {
        awardId: "7d3c0a52-95a4-5e39-a1b1-5b4ec1c2a0f1",
        position: 42,
        learnerId: "6f1c1b1e-0000-4000-8000-0000000000bb",
        badgeId: badge.id,
        awardedAt: new Date("2026-02-03T10:00:00Z"),
        reason: badge.reason,
        trigger: {
          eventId: "6f1c1b1e-0000-4000-8000-000000000001",
          eventType: "QuizSubmitted",
          occurredAt: new Date("2026-02-03T09:59:58Z"),
        },
        revoked: false,
      },
      achievement: achievementOf(badge, baseUrl),
      issuer: issuer.profile(),
      status: statusEntryOf(baseUrl, 42),
    }),
  );
});

const at = (path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>(
      (value, key) => (value as Json | undefined)?.[key],
      credential,
    );

const types = (path: string): unknown[] => {
  const value = at(path);
  return Array.isArray(value) ? value : [value];
};

/** [class, property, where it sits in the credential] */
const required: [string, string, string][] = [
  ["AchievementCredential", "@context", "@context"],
  ["AchievementCredential", "id", "id"],
  ["AchievementCredential", "type", "type"],
  ["AchievementCredential", "name", "name"],
  ["AchievementCredential", "credentialSubject", "credentialSubject"],
  ["AchievementCredential", "issuer", "issuer"],
  ["AchievementCredential", "validFrom", "validFrom"],
  ["AchievementCredential", "proof", "proof"],
  ["AchievementSubject", "type", "credentialSubject.type"],
  ["AchievementSubject", "achievement", "credentialSubject.achievement"],
  ["Achievement", "id", "credentialSubject.achievement.id"],
  ["Achievement", "type", "credentialSubject.achievement.type"],
  ["Achievement", "criteria", "credentialSubject.achievement.criteria"],
  ["Achievement", "description", "credentialSubject.achievement.description"],
  ["Achievement", "name", "credentialSubject.achievement.name"],
  ["Profile", "id", "issuer.id"],
  ["Profile", "type", "issuer.type"],
  ["CredentialStatus", "id", "credentialStatus.id"],
  ["CredentialStatus", "type", "credentialStatus.type"],
  ["Proof", "type", "proof.type"],
];

describe("an OpenBadgeCredential of this service", () => {
  it.each(required)("has %s.%s", (_class, _property, path) => {
    const value = at(path);
    expect(value).toBeDefined();
    expect(value).not.toBe("");
    expect(value).not.toEqual([]);
  });

  it.each([
    ["type", "VerifiableCredential"],
    ["type", "OpenBadgeCredential"],
    ["credentialSubject.type", "AchievementSubject"],
    ["credentialSubject.achievement.type", "Achievement"],
    ["issuer.type", "Profile"],
  ])("has %s including %s", (path, type) => {
    expect(types(path)).toContain(type);
  });

  it("starts its contexts with VC 2.0, then Open Badges 3.0.3", () => {
    expect(at("@context")).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
  });

  it("identifies the learner: AchievementSubject needs an id or an identifier", () => {
    expect(at("credentialSubject.id")).toBe(
      "urn:uuid:6f1c1b1e-0000-4000-8000-0000000000bb",
    );
  });

  it("gives the criteria an id and a narrative (the model asks for at least one)", () => {
    expect(at("credentialSubject.achievement.criteria")).toEqual({
      id: `${baseUrl}/v1/achievements/11111111-1111-1111-1111-111111111111#criteria`,
      narrative: "Score 90 or more on a quiz.",
    });
  });

  it("types its evidence as Evidence and names the triggering event", () => {
    expect(at("evidence")).toEqual([
      expect.objectContaining({
        id: "urn:uuid:6f1c1b1e-0000-4000-8000-000000000001",
        type: ["Evidence"],
        name: "QuizSubmitted",
      }),
    ]);
  });

  it("is valid from the award time and carries an eddsa-rdfc-2022 proof", () => {
    expect(at("validFrom")).toBe("2026-02-03T10:00:00Z");
    expect(at("proof")).toMatchObject({
      type: "DataIntegrityProof",
      cryptosuite: "eddsa-rdfc-2022",
      proofPurpose: "assertionMethod",
      proofValue: expect.stringMatching(/^z/),
    });
  });
});
