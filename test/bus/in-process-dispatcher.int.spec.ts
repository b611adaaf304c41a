import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { delay } from "../../src/support/delay.js";
import { quizSubmitted } from "../support/events.js";
import { caughtUp, useTestService } from "../support/test-service.js";

const subject = useTestService();

async function until(
  condition: () => boolean,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error("condition not met in time");
    }
    await delay(10);
  }
}

describe("in-process dispatcher", () => {
  it("delivers each committed BadgeAwarded to every subscriber, despite one that throws and one that is slow", async () => {
    const healthy: string[] = [];
    const slow: string[] = [];
    let failures = 0;
    const subscriptions = await Promise.all([
      subject.service.dispatcher.subscribe("BadgeAwarded", ({ envelope }) => {
        healthy.push(envelope.id);
      }),
      subject.service.dispatcher.subscribe(
        "BadgeAwarded",
        async ({ envelope }) => {
          await delay(20);
          slow.push(envelope.id);
        },
      ),
      subject.service.dispatcher.subscribe("BadgeAwarded", () => {
        failures += 1;
        throw new Error("subscriber bug");
      }),
    ]);

    const learners = Array.from({ length: 30 }, () => randomUUID());
    await subject.service.store.append(
      learners.map((learner) => quizSubmitted(learner, 100)),
    );
    await caughtUp(subject.service);
    await until(() => healthy.length === 60 && slow.length === 60);

    expect(new Set(healthy).size).toBe(60);
    expect(slow).toEqual(healthy);
    expect(failures).toBe(60);
    await Promise.all(subscriptions.map((s) => s.close()));
  });

  it("keeps awarding after a subscriber failed", async () => {
    const learner = randomUUID();
    await subject.service.store.append([quizSubmitted(learner, 93)]);
    await caughtUp(subject.service);

    const { rows } = await subject.database.pool.query(
      "SELECT count(*)::int AS n FROM learner_badges WHERE learner_id = $1",
      [learner],
    );
    expect(rows[0].n).toBe(1);
  });

  it("delivers only events committed after the subscription began, unless asked for earlier ones", async () => {
    const before = randomUUID();
    await subject.service.store.append([quizSubmitted(before, 95)]);
    await caughtUp(subject.service);

    const seen: string[] = [];
    const subscription = await subject.service.dispatcher.subscribe(
      "BadgeAwarded",
      ({ envelope }) => {
        seen.push(envelope.event.payload.learnerId);
      },
    );
    const after = randomUUID();
    await subject.service.store.append([quizSubmitted(after, 95)]);
    await until(() => seen.length === 1);
    await subscription.close();

    expect(seen).toEqual([after]);
  });

  it("wakes a subscriber on a commit made by another process", async () => {
    const seen: string[] = [];
    const subscription = await subject.service.dispatcher.subscribe(
      "QuizSubmitted",
      ({ envelope }) => {
        seen.push(envelope.id);
      },
    );
    const id = randomUUID();
    await subject.database.pool.query(
      `INSERT INTO event_store (id, occurred_at, event_name, payload)
       VALUES ($1, now(), 'QuizSubmitted', $2)`,
      [
        id,
        {
          type: "QuizSubmitted",
          payload: {
            quiz_id: randomUUID(),
            learner_id: randomUUID(),
            score: 5,
          },
        },
      ],
    );
    await subject.database.pool.query(
      "SELECT pg_notify('edupulse_events_committed', '')",
    );
    await until(() => seen.length === 1, 700);
    await subscription.close();

    expect(seen).toEqual([id]);
  });
});
