import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeBatch,
  effectsOf,
  evaluateBatch,
  learnersOf,
} from "../../src/awards/award-plan.js";
import { type Catalog, defaultCatalog } from "../../src/domain/catalog.js";
import type { LearnerProgress } from "../../src/domain/rule-engine/learner-progress.js";
import type { StoredRecord } from "../../src/store/stored-event.js";

const quizMaster = "11111111-1111-1111-1111-111111111111";
const perfectScore = "22222222-2222-2222-2222-222222222222";
const ada = "9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b";
const bob = "3d6f1c2a-8e4b-4f7a-9c1d-2b3e4f5a6b7c";
const quizId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const baseTime = Date.parse("2024-05-01T12:00:00.000Z");

let nextPosition = 1;

/** The consumer's pure steps for learners with no progress yet. */
function planAwards(records: readonly StoredRecord[], catalog: Catalog) {
  const { facts, deadLetters } = decodeBatch(records);
  const progress = new Map<string, LearnerProgress>(
    learnersOf(facts).map((learner) => [learner, new Map()]),
  );
  const { awards } = effectsOf(evaluateBatch(catalog, progress, facts));
  return {
    deadLetters,
    awards: awards.map(
      ({ learnerId, badgeId, awardedAt, reason, triggerEventId }) => ({
        learnerId,
        badgeId,
        awardedAt,
        reason,
        triggerEventId,
      }),
    ),
  };
}

function hexId(position: number): string {
  return `00000000-0000-4000-8000-${position.toString(16).padStart(12, "0")}`;
}

/** A row as the store returns it; `payload` is the wire `{type, payload}`. */
function record(
  payload: unknown,
  eventName = (payload as { type?: string }).type ?? "QuizSubmitted",
): StoredRecord {
  const position = nextPosition++;
  return {
    cursor: { transactionId: "100", position },
    id: hexId(position),
    occurredAt: new Date(baseTime + position * 1000),
    recordedAt: new Date(baseTime + position * 1000 + 5),
    eventName,
    payload,
  };
}

function quiz(learnerId: string, score: unknown): StoredRecord {
  return record({
    type: "QuizSubmitted",
    payload: { quiz_id: quizId, learner_id: learnerId, score },
  });
}

function pairs(records: readonly StoredRecord[]): string[] {
  return planAwards(records, defaultCatalog)
    .awards.map((award) => `${award.learnerId}/${award.badgeId}`)
    .sort();
}

describe("planAwards", () => {
  it("awards both badges for a score of 100, dated by the event", () => {
    const perfect = quiz(ada, 100);

    const plan = planAwards([perfect], defaultCatalog);

    expect(plan.deadLetters).toEqual([]);
    expect(plan.awards).toEqual([
      {
        learnerId: ada,
        badgeId: quizMaster,
        awardedAt: perfect.occurredAt,
        reason: "Scored 90% or above on a quiz.",
        triggerEventId: perfect.id,
      },
      {
        learnerId: ada,
        badgeId: perfectScore,
        awardedAt: perfect.occurredAt,
        reason: "Perfect quiz score!",
        triggerEventId: perfect.id,
      },
    ]);
  });

  it("awards a badge once per learner in a batch, to the first event that earns it", () => {
    const low = quiz(ada, 50);
    const first = quiz(ada, 91);
    const second = quiz(ada, 95);

    const plan = planAwards([low, first, second], defaultCatalog);

    expect(plan.awards).toEqual([
      expect.objectContaining({
        learnerId: ada,
        badgeId: quizMaster,
        triggerEventId: first.id,
        awardedAt: first.occurredAt,
      }),
    ]);
  });

  it("awards each learner separately", () => {
    expect(pairs([quiz(ada, 90), quiz(bob, 90), quiz(ada, 90)])).toEqual(
      [`${ada}/${quizMaster}`, `${bob}/${quizMaster}`].sort(),
    );
  });

  it("treats a learner id in upper case as the same learner", () => {
    const plan = planAwards(
      [quiz(ada.toUpperCase(), 92), quiz(ada, 93)],
      defaultCatalog,
    );

    expect(plan.awards).toHaveLength(1);
    expect(plan.awards[0]?.learnerId).toBe(ada);
  });

  it("awards nothing for a score under 90", () => {
    expect(planAwards([quiz(ada, 89.99)], defaultCatalog)).toEqual({
      awards: [],
      deadLetters: [],
    });
  });

  it("awards nothing for a BadgeAwarded event", () => {
    const awarded = record({
      type: "BadgeAwarded",
      payload: {
        badge_id: quizMaster,
        learner_id: ada,
        awarded_at: "2024-05-01T12:00:00Z",
        reason: "Scored 90% or above on a quiz.",
      },
    });

    expect(planAwards([awarded], defaultCatalog)).toEqual({
      awards: [],
      deadLetters: [],
    });
  });

  it("dead-letters an unknown event type as UNKNOWN_EVENT_TYPE naming payload.type", () => {
    const unknown = record({ type: "LessonFinished", payload: {} });

    const plan = planAwards([unknown], defaultCatalog);

    expect(plan.awards).toEqual([]);
    expect(plan.deadLetters).toEqual([
      {
        eventId: unknown.id,
        position: unknown.cursor.position,
        eventName: "LessonFinished",
        code: "UNKNOWN_EVENT_TYPE",
        reason: expect.stringContaining("payload.type"),
      },
    ]);
  });

  it("dead-letters a score written as a string as INVALID_EVENT naming payload.payload.score", () => {
    const bad = quiz(ada, "96");

    const plan = planAwards([bad], defaultCatalog);

    expect(plan.awards).toEqual([]);
    expect(plan.deadLetters).toEqual([
      {
        eventId: bad.id,
        position: bad.cursor.position,
        eventName: "QuizSubmitted",
        code: "INVALID_EVENT",
        reason: expect.stringContaining("payload.payload.score"),
      },
    ]);
  });

  it("dead-letters an event whose event_name differs from payload.type as EVENT_NAME_MISMATCH", () => {
    const mismatched = record(
      {
        type: "QuizSubmitted",
        payload: { quiz_id: quizId, learner_id: ada, score: 100 },
      },
      "BadgeAwarded",
    );

    const plan = planAwards([mismatched], defaultCatalog);

    expect(plan.awards).toEqual([]);
    expect(plan.deadLetters).toEqual([
      {
        eventId: mismatched.id,
        position: mismatched.cursor.position,
        eventName: "BadgeAwarded",
        code: "EVENT_NAME_MISMATCH",
        reason: expect.stringMatching(/event_name.*payload\.type/),
      },
    ]);
  });

  it("awards the good events of a batch that also holds bad ones", () => {
    const records = [
      record({ type: "LessonFinished", payload: {} }),
      quiz(ada, 95),
      quiz(bob, "100"),
      record(null, "QuizSubmitted"),
      quiz(bob, 100),
    ];

    const plan = planAwards(records, defaultCatalog);

    expect(pairs(records)).toEqual(
      [
        `${ada}/${quizMaster}`,
        `${bob}/${quizMaster}`,
        `${bob}/${perfectScore}`,
      ].sort(),
    );
    expect(plan.deadLetters.map((letter) => letter.code)).toEqual([
      "UNKNOWN_EVENT_TYPE",
      "INVALID_EVENT",
      "INVALID_EVENT",
    ]);
  });

  describe("over any batch of quiz submissions", () => {
    const learners = [ada, bob, "c0ffee00-0000-4000-8000-000000000001"];
    const batch = fc
      .array(
        fc.record({
          learner: fc.constantFrom(...learners),
          score: fc.oneof(
            fc.constantFrom(0, 89.99, 90, 99.999, 100),
            fc.double({ min: 0, max: 100, noNaN: true }),
          ),
        }),
        { maxLength: 20 },
      )
      .map((entries) =>
        entries.map(({ learner, score }) => quiz(learner, score)),
      );

    it("plans the same (learner, badge) pairs whatever the order", () => {
      fc.assert(
        fc.property(
          batch.chain((records) =>
            fc.tuple(
              fc.constant(records),
              fc.shuffledSubarray(records, {
                minLength: records.length,
                maxLength: records.length,
              }),
            ),
          ),
          ([records, shuffled]) => {
            expect(pairs(shuffled)).toEqual(pairs(records));
          },
        ),
      );
    });

    it("credits each award to the first record that earns it", () => {
      fc.assert(
        fc.property(batch, (records) => {
          const plan = planAwards(records, defaultCatalog);

          for (const award of plan.awards) {
            const threshold = award.badgeId === perfectScore ? 100 : 90;
            const first = records.find((r) => {
              const wire = r.payload as {
                payload: { learner_id: string; score: number };
              };
              return (
                wire.payload.learner_id === award.learnerId &&
                wire.payload.score >= threshold
              );
            });

            expect(award.triggerEventId).toBe(first?.id);
            expect(award.awardedAt).toEqual(first?.occurredAt);
          }
        }),
      );
    });

    it("plans at most one award per learner and badge", () => {
      fc.assert(
        fc.property(batch, (records) => {
          const planned = pairs(records);

          expect(new Set(planned).size).toBe(planned.length);
        }),
      );
    });
  });
});
