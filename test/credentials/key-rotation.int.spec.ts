/**
 * After a key rotation, credentials signed with the old key still verify,
 * for a did:key issuer and for an https issuer whose controller document
 * lists every key of the ring.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { Credentials } from "../../src/credentials/credentials.js";
import { rotateSigningKey } from "../../src/credentials/key-ring.js";
import { badgeAwardedEventId } from "../../src/domain/award-ids.js";
import { quizSubmitted } from "../support/events.js";
import { quizMasterId } from "../support/http.js";
import { caughtUp, useTestService } from "../support/test-service.js";
import { freshKeyFolder } from "./support/test-credentials.js";

const subject = useTestService();

async function awardQuizMaster(): Promise<string> {
  const quiz = quizSubmitted(randomUUID(), 95);
  await subject.service.store.append([quiz]);
  await caughtUp(subject.service);
  return badgeAwardedEventId(quiz.id, quizMasterId);
}

function open(env: Record<string, string>): Promise<Credentials> {
  return Credentials.open(
    loadConfig(env),
    subject.service.catalog,
    subject.service.database.pool,
  );
}

async function rotateBetween(env: Record<string, string>) {
  const folder = freshKeyFolder();
  const settings = { CREDENTIALS_DIR: folder, ...env };
  const awardId = await awardQuizMaster();
  const old = await (await open(settings)).credential(awardId);
  await rotateSigningKey(folder);
  const after = await open(settings);
  return { old, renewed: await after.credential(awardId), after };
}

const methodOf = (credential: unknown) =>
  (credential as { proof: { verificationMethod: string } }).proof
    .verificationMethod;

describe("after a key rotation, with an https issuer", () => {
  it("still verifies credentials signed with the old key", async () => {
    const { old, renewed, after } = await rotateBetween({
      ISSUER_ID: "https://badges.example.org/v1/issuer",
      PUBLIC_BASE_URL: "https://badges.example.org",
    });

    expect(methodOf(renewed)).not.toBe(methodOf(old));
    expect(await after.verify(old)).toMatchObject({
      valid: true,
      signedByThisService: "retired key",
    });
    expect(await after.verify(renewed)).toMatchObject({
      valid: true,
      signedByThisService: "current key",
    });
  });
});

describe("after a key rotation, with a did:key issuer", () => {
  it("still verifies the old credentials' proof, but their status list now has another issuer", async () => {
    const { old, renewed, after } = await rotateBetween({});

    const verdict = await after.verify(old);

    expect(methodOf(renewed)).not.toBe(methodOf(old));
    expect(verdict.signedByThisService).toBe("retired key");
    expect(verdict.checks).toContainEqual(
      expect.objectContaining({ check: "proof", ok: true }),
    );
    // A did:key is the key: a new key is a new issuer, and the lists are
    // signed by the new one. docs/credentials.md says to use an https id.
    expect(verdict.checks).toContainEqual({
      check: "status",
      ok: false,
      reason: expect.stringContaining(
        "it was issued by someone other than the credential's issuer",
      ),
    });
    expect(await after.verify(renewed)).toMatchObject({ valid: true });
  });
});
