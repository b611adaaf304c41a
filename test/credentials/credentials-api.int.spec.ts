import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  expectProblem,
  perfectScoreId,
  postJson,
  quizMasterId,
} from "../support/http.js";
import { useTestApi } from "../support/test-api.js";
import { awardThroughApi, type MadeAward, revoke } from "./support/awards.js";

type Json = Record<string, unknown>;

const subject = useTestApi();

let award: MadeAward;

beforeAll(async () => {
  award = await awardThroughApi(subject.url, subject.service, 100);
});

async function credentialOf(awardId: string): Promise<Json> {
  const response = await fetch(`${subject.url}/v1/credentials/${awardId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

async function verify(credential: unknown): Promise<Json> {
  const response = await postJson(
    `${subject.url}/v1/credentials/verify`,
    credential,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

function subjectOf(credential: Json): Json {
  return credential.credentialSubject as Json;
}

describe("the credential of an award", () => {
  it("is an OpenBadgeCredential of the award, signed, that verifies", async () => {
    const credential = await credentialOf(award.awardIdOf(quizMasterId));

    expect(credential).toMatchObject({
      id: `urn:uuid:${award.awardIdOf(quizMasterId)}`,
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      name: "Quiz Master",
      issuer: {
        id: expect.stringMatching(/^did:key:z6Mk/),
        type: ["Profile"],
        name: "EduPulse Live",
      },
      credentialSubject: {
        id: `urn:uuid:${award.learnerId}`,
        type: ["AchievementSubject"],
        achievement: {
          id: `http://127.0.0.1:8080/v1/achievements/${quizMasterId}`,
          name: "Quiz Master",
          criteria: { narrative: "Score 90 or more on a quiz." },
        },
      },
      evidence: [
        { id: `urn:uuid:${award.quizEventId}`, name: "QuizSubmitted" },
      ],
      proof: { type: "DataIntegrityProof", cryptosuite: "eddsa-rdfc-2022" },
    });
    expect(await verify(credential)).toMatchObject({
      valid: true,
      signedByThisService: "current key",
      checks: [
        { check: "shape", ok: true },
        { check: "proof", ok: true },
        { check: "validity", ok: true },
        {
          check: "status",
          ok: true,
          reason: expect.stringContaining("not revoked"),
        },
      ],
    });
  });

  it("is valid from the time of the award", async () => {
    const credential = await credentialOf(award.awardIdOf(quizMasterId));
    const held = (await (
      await fetch(`${subject.url}/v1/learners/${award.learnerId}/badges`)
    ).json()) as { badges: { badge_id: string; awarded_at: string }[] };
    const awardedAt = held.badges.find((b) => b.badge_id === quizMasterId)
      ?.awarded_at as string;

    expect(new Date(credential.validFrom as string)).toEqual(
      new Date(awardedAt),
    );
  });

  it("is the same credential when issued again, but for its proof", async () => {
    const { proof: _first, ...first } = await credentialOf(
      award.awardIdOf(quizMasterId),
    );
    const { proof: _again, ...again } = await credentialOf(
      award.awardIdOf(quizMasterId),
    );

    expect(again).toEqual(first);
  });

  it.each([
    [
      "the achievement's name",
      (c: Json) => {
        (subjectOf(c).achievement as Json).name = "Grand Master";
      },
    ],
    [
      "the subject",
      (c: Json) => {
        subjectOf(c).id = `urn:uuid:${randomUUID()}`;
      },
    ],
    [
      "the date",
      (c: Json) => {
        c.validFrom = "2020-01-01T00:00:00Z";
      },
    ],
  ])(
    "fails verification with a reason once %s is changed",
    async (_what, change) => {
      const credential = await credentialOf(award.awardIdOf(quizMasterId));
      change(credential);

      const verdict = await verify(credential);

      expect(verdict.valid).toBe(false);
      expect(verdict.checks).toContainEqual({
        check: "proof",
        ok: false,
        reason:
          "the signature does not match the content: the credential was changed after signing, or signed with another key",
      });
    },
  );

  it("is 404 for an award that does not exist, 400 for an id that is no uuid", async () => {
    await expectProblem(
      await fetch(`${subject.url}/v1/credentials/${randomUUID()}`),
      404,
      "NOT_FOUND",
    );
    await expectProblem(
      await fetch(`${subject.url}/v1/credentials/not-a-uuid`),
      400,
      "INVALID_REQUEST",
    );
  });
});

describe("a learner's credentials", () => {
  it("are one per badge held", async () => {
    const response = await fetch(
      `${subject.url}/v1/learners/${award.learnerId}/credentials`,
    );
    const body = (await response.json()) as { credentials: Json[] };

    expect(response.status).toBe(200);
    expect(body.credentials.map((c) => c.id).sort()).toEqual(
      [
        `urn:uuid:${award.awardIdOf(quizMasterId)}`,
        `urn:uuid:${award.awardIdOf(perfectScoreId)}`,
      ].sort(),
    );
  });

  it("are none for a learner without badges", async () => {
    const response = await fetch(
      `${subject.url}/v1/learners/${randomUUID()}/credentials`,
    );
    expect(await response.json()).toMatchObject({ credentials: [] });
  });
});

describe("revocation", () => {
  it("shows in verification, through the published status list", async () => {
    const revoked = await awardThroughApi(subject.url, subject.service, 100);
    const before = await credentialOf(revoked.awardIdOf(perfectScoreId));
    await revoke(subject.service, revoked.learnerId, perfectScoreId);

    const verdict = await verify(before);
    const kept = await verify(
      await credentialOf(revoked.awardIdOf(quizMasterId)),
    );

    expect(verdict.valid).toBe(false);
    expect(verdict.checks).toContainEqual({
      check: "status",
      ok: false,
      reason: expect.stringMatching(/^revoked by the issuer \(status list /),
    });
    expect(verdict.checks).toContainEqual(
      expect.objectContaining({ check: "proof", ok: true }),
    );
    expect(kept.valid).toBe(true);
  });
});

describe("the public documents", () => {
  it("serve each achievement at its id, as the credential embeds it", async () => {
    const credential = await credentialOf(award.awardIdOf(quizMasterId));
    const embedded = subjectOf(credential).achievement as Json;
    const path = new URL(embedded.id as string).pathname;

    const response = await fetch(`${subject.url}${path}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      "@context": credential["@context"],
      ...embedded,
    });
  });

  it("answer 404 for a badge that is not in the catalog", async () => {
    await expectProblem(
      await fetch(`${subject.url}/v1/achievements/${randomUUID()}`),
      404,
      "NOT_FOUND",
    );
  });

  it("include a signed status list credential", async () => {
    const response = await fetch(`${subject.url}/v1/credentials/status/0`);
    const list = (await response.json()) as Json;

    expect(response.status).toBe(200);
    expect(list).toMatchObject({
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      credentialSubject: {
        type: "BitstringStatusList",
        statusPurpose: "revocation",
        encodedList: expect.stringMatching(/^u/),
      },
      proof: { cryptosuite: "eddsa-rdfc-2022" },
    });
  });

  it("include the issuer's DID document, listing its key for assertions", async () => {
    const credential = await credentialOf(award.awardIdOf(quizMasterId));
    const issuerId = (credential.issuer as Json).id;

    const response = await fetch(`${subject.url}/v1/issuer`);
    const document = (await response.json()) as Json;

    expect(document).toMatchObject({
      id: issuerId,
      assertionMethod: [(credential.proof as Json).verificationMethod],
    });
    expect(JSON.stringify(document)).not.toMatch(/secret/i);
  });
});

describe("verification of other input", () => {
  it("says why something is not an Open Badges credential", async () => {
    const verdict = await verify({ "@context": ["x"], type: ["Thing"] });

    expect(verdict).toMatchObject({
      valid: false,
      checks: [
        {
          check: "shape",
          ok: false,
          reason: expect.stringContaining("type lacks VerifiableCredential"),
        },
      ],
    });
  });

  it("refuses a body that is not a JSON object", async () => {
    await expectProblem(
      await postJson(`${subject.url}/v1/credentials/verify`, ["a", "list"]),
      400,
      "INVALID_CREDENTIAL",
    );
  });
});
