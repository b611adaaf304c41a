/** Awards made through the real API, and their revocation in the store. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { badgeAwardedEventId } from "../../../src/domain/award-ids.js";
import type { BadgeService } from "../../../src/service.js";
import { postJson, quizEnvelope } from "../../support/http.js";
import { caughtUp } from "../../support/test-service.js";

export interface MadeAward {
  learnerId: string;
  quizEventId: string;
  /** The BadgeAwarded event's id of this badge for that quiz. */
  awardIdOf(badgeId: string): string;
}

export async function awardThroughApi(
  url: string,
  service: BadgeService,
  score: number,
  learnerId: string = randomUUID(),
): Promise<MadeAward> {
  const envelope = quizEnvelope(learnerId, score);
  const response = await postJson(`${url}/v1/events`, envelope);
  expect(response.status).toBe(202);
  await caughtUp(service);
  return {
    learnerId,
    quizEventId: envelope.id,
    awardIdOf: (badgeId) => badgeAwardedEventId(envelope.id, badgeId),
  };
}

export async function revoke(
  service: BadgeService,
  learnerId: string,
  badgeId: string,
): Promise<void> {
  await service.store.append([
    {
      id: randomUUID(),
      occurredAt: new Date(),
      event: {
        type: "BadgeRevoked",
        payload: {
          badgeId,
          learnerId,
          revokedAt: new Date(),
          reason: "awarded in error",
        },
      },
    },
  ]);
}
