import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BadgeService } from "../../../src/service.js";
import { deadLettersOf } from "../../../src/store/dead-letters.js";
import { delay } from "../../../src/support/delay.js";
import { quizSubmitted } from "../../support/events.js";
import {
  type NatsClient,
  natsClient,
  natsUrl,
  uniqueNamespace,
} from "../../support/nats.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../../support/test-database.js";
import { caughtUp, startTestService } from "../../support/test-service.js";

const namespace = uniqueNamespace();
let database: TestDatabase;
let service: BadgeService;
let nats: NatsClient;

beforeAll(async () => {
  database = await createTestDatabase();
  service = await startTestService(database.url, {
    NATS_URL: natsUrl,
    NATS_NAMESPACE: namespace,
  });
  nats = await natsClient(namespace);
});

afterAll(async () => {
  await service?.stop();
  await nats?.close();
  await database?.drop();
});

async function until<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error("condition not met in time");
    }
    await delay(25);
  }
}

async function awardsOf(learner: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ badge_id: string }>(
    "SELECT badge_id FROM learner_badges WHERE learner_id = $1 ORDER BY badge_id",
    [learner],
  );
  return rows.map((row) => row.badge_id);
}

describe("JetStream ingest and relay", () => {
  it("turns a qualifying QuizSubmitted published on NATS into an award and a BadgeAwarded on NATS", async () => {
    const learner = randomUUID();
    const received: string[] = [];
    const subscription = await service.dispatcher.subscribe(
      "BadgeAwarded",
      ({ envelope }) => {
        if (envelope.event.payload.learnerId === learner) {
          received.push(envelope.event.payload.badgeId);
        }
      },
    );

    await nats.publish(quizSubmitted(learner, 93));
    await until(async () => (received.length > 0 ? true : undefined));
    await subscription.close();

    expect(received).toEqual(["11111111-1111-1111-1111-111111111111"]);
    expect(await awardsOf(learner)).toEqual([
      "11111111-1111-1111-1111-111111111111",
    ]);
  });

  it("awards once for an envelope published several times, with and without a message id", async () => {
    const learner = randomUUID();
    const envelope = quizSubmitted(learner, 100);
    await nats.publish(envelope, undefined, envelope.id);
    await nats.publish(envelope, undefined, envelope.id);
    await nats.publish(envelope);
    await nats.publish(envelope);

    await until(async () =>
      (await awardsOf(learner)).length === 2 ? true : undefined,
    );
    await delay(300);
    await caughtUp(service);

    const { rows } = await database.pool.query(
      `SELECT count(*)::int AS n FROM event_store
       WHERE id = $1 OR (event_name = 'BadgeAwarded' AND payload->'payload'->>'learner_id' = $2)`,
      [envelope.id, learner],
    );
    expect(rows[0].n).toBe(3);
    expect(await awardsOf(learner)).toHaveLength(2);
  });

  it("dead-letters malformed messages with their reason and goes on with the ones after them", async () => {
    const learner = randomUUID();
    const outOfRange = JSON.stringify({
      id: randomUUID(),
      occurred_at: new Date().toISOString(),
      event: {
        type: "QuizSubmitted",
        payload: { quiz_id: randomUUID(), learner_id: learner, score: 200 },
      },
    });
    await nats.publish("{not json");
    await nats.publish(outOfRange);
    await nats.publish(quizSubmitted(learner, 99), "BadgeAwarded");
    await nats.publish(quizSubmitted(learner, 91));

    await until(async () =>
      (await awardsOf(learner)).length === 1 ? true : undefined,
    );
    const letters = await until(async () => {
      const found = await deadLettersOf(database.pool, "nats-ingest");
      return found.length >= 3 ? found : undefined;
    });

    expect(letters.map((l) => l.code).sort()).toEqual([
      "INVALID_EVENT",
      "INVALID_EVENT",
      "INVALID_EVENT",
    ]);
    expect(letters.map((l) => l.reason).join(" | ")).toMatch(
      /is not valid JSON/,
    );
    expect(letters.map((l) => l.reason).join(" | ")).toMatch(
      /event\.payload\.score: must be at most 100/,
    );
    expect(letters.map((l) => l.reason).join(" | ")).toMatch(/subject/);
  });
});
