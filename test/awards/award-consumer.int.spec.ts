import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { quizSubmitted } from "../support/events.js";
import { caughtUp, useTestService } from "../support/test-service.js";

const quizMaster = "11111111-1111-1111-1111-111111111111";
const perfectScore = "22222222-2222-2222-2222-222222222222";

const subject = useTestService();

async function badgesOf(learnerId: string): Promise<string[]> {
  const { rows } = await subject.database.pool.query<{ badge_id: string }>(
    "SELECT badge_id FROM learner_badges WHERE learner_id = $1 ORDER BY badge_id",
    [learnerId],
  );
  return rows.map((row) => row.badge_id);
}

async function awardEventsOf(
  learnerId: string,
): Promise<{ badge_id: string }[]> {
  const { rows } = await subject.database.pool.query<{ badge_id: string }>(
    `SELECT payload->'payload'->>'badge_id' AS badge_id FROM event_store
     WHERE event_name = 'BadgeAwarded'
       AND payload->'payload'->>'learner_id' = $1
     ORDER BY 1`,
    [learnerId],
  );
  return rows;
}

describe("award consumer", () => {
  it("awards Quiz Master alone for a score of 97, with one BadgeAwarded event", async () => {
    const learner = randomUUID();
    await subject.service.store.append([quizSubmitted(learner, 97)]);
    await caughtUp(subject.service);

    expect(await badgesOf(learner)).toEqual([quizMaster]);
    expect(await awardEventsOf(learner)).toEqual([{ badge_id: quizMaster }]);
  });

  it.each([
    { score: 100, badges: [quizMaster, perfectScore] },
    { score: 90, badges: [quizMaster] },
    { score: 89.99, badges: [] },
    { score: 0, badges: [] },
  ])(
    "awards $badges.length badge(s) for a score of $score",
    async ({ score, badges }) => {
      const learner = randomUUID();
      await subject.service.store.append([quizSubmitted(learner, score)]);
      await caughtUp(subject.service);

      expect(await badgesOf(learner)).toEqual(badges);
      expect((await awardEventsOf(learner)).map((e) => e.badge_id)).toEqual(
        badges,
      );
    },
  );

  it("gives no second badge or event for a resubmission or a repeated event id", async () => {
    const learner = randomUUID();
    const first = quizSubmitted(learner, 95);
    await subject.service.store.append([first]);
    const repeated = await subject.service.store.append([first]);
    await subject.service.store.append([quizSubmitted(learner, 99)]);
    await caughtUp(subject.service);

    expect(repeated[0]?.duplicate).toBe(true);
    expect(await badgesOf(learner)).toEqual([quizMaster]);
    expect(await awardEventsOf(learner)).toHaveLength(1);
  });

  it("awards once when 200 submissions for one learner arrive concurrently", async () => {
    const learner = randomUUID();
    const submissions = Array.from({ length: 200 }, () =>
      quizSubmitted(learner, 100),
    );
    await Promise.all(
      submissions.map((s) => subject.service.store.append([s])),
    );
    await caughtUp(subject.service);

    expect(await badgesOf(learner)).toEqual([quizMaster, perfectScore]);
    expect(await awardEventsOf(learner)).toHaveLength(2);
  });

  it("records which event triggered each award and when it was earned", async () => {
    const learner = randomUUID();
    const submission = quizSubmitted(learner, 92, {
      occurredAt: new Date("2026-03-01T10:00:00.000Z"),
    });
    await subject.service.store.append([submission]);
    await caughtUp(subject.service);

    const { rows } = await subject.database.pool.query(
      "SELECT trigger_event_id, awarded_at, reason FROM learner_badges WHERE learner_id = $1",
      [learner],
    );
    expect(rows).toEqual([
      {
        trigger_event_id: submission.id,
        awarded_at: submission.occurredAt,
        reason: "Scored 90% or above on a quiz.",
      },
    ]);
  });
});
