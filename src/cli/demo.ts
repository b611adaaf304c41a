/**
 * `demo`: the original service's bootstrap, end to end. One quiz scored
 * 96.5 for a new learner; it prints the award and its BadgeAwarded event.
 */
import { randomUUID } from "node:crypto";
import { loadConfig } from "../config.js";
import { encodeEnvelope } from "../domain/envelope-codec.js";
import type { Envelope } from "../domain/events.js";
import { createLogger } from "../logger.js";
import { type BadgeService, startBadgeService } from "../service.js";
import { badgesOfLearner } from "../store/learner-badges.js";

const awaitAwardMs = 10_000;

export async function runDemo(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, 2);
  const service = await startBadgeService(config, logger);
  try {
    return await submitAndShow(service);
  } finally {
    await service.stop();
  }
}

async function submitAndShow(service: BadgeService): Promise<number> {
  const learnerId = randomUUID();
  const award = await watchForAward(service, learnerId);
  const submission: Envelope = {
    id: randomUUID(),
    occurredAt: new Date(),
    event: {
      type: "QuizSubmitted",
      payload: { quizId: randomUUID(), learnerId, score: 96.5 },
    },
  };
  await service.store.append([submission]);
  print("submitted", encodeEnvelope(submission));

  const event = await award.arrived;
  if (!event) {
    process.stderr.write("no BadgeAwarded event arrived in time\n");
    return 1;
  }
  print("BadgeAwarded event", encodeEnvelope(event));
  const held = await badgesOfLearner(service.database.pool, learnerId);
  print(
    "learner_badges",
    held.map((award) => ({
      learner_id: award.learnerId,
      badge_id: award.badgeId,
      awarded_at: award.awardedAt.toISOString(),
      reason: award.reason,
      trigger_event_id: award.triggerEventId,
    })),
  );
  return 0;
}

/** Subscribes before the submission, so the award cannot slip past. */
async function watchForAward(service: BadgeService, learnerId: string) {
  let deliver: (event: Envelope<"BadgeAwarded"> | undefined) => void = () => {};
  const first = new Promise<Envelope<"BadgeAwarded"> | undefined>((resolve) => {
    deliver = resolve;
  });
  const subscription = await service.dispatcher.subscribe(
    "BadgeAwarded",
    ({ envelope }) => {
      if (envelope.event.payload.learnerId === learnerId) {
        deliver(envelope);
      }
    },
  );
  setTimeout(() => deliver(undefined), awaitAwardMs).unref();
  const arrived = first.finally(() => subscription.close());
  return { arrived };
}

function print(title: string, value: unknown): void {
  process.stdout.write(`${title}:\n${JSON.stringify(value, null, 2)}\n`);
}
