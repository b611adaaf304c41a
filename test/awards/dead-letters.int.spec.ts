import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { deadLettersOf } from "../../src/store/dead-letters.js";
import { quizSubmitted } from "../support/events.js";
import { caughtUp, useTestService } from "../support/test-service.js";

const learner = randomUUID();

/** Rows another writer could have put in the store directly. */
const badRows = [
  {
    name: "an unknown event type",
    eventName: "QuizExploded",
    payload: { type: "QuizExploded", payload: {} },
    code: "UNKNOWN_EVENT_TYPE",
    field: "payload.type",
  },
  {
    name: "a score given as a string",
    eventName: "QuizSubmitted",
    payload: {
      type: "QuizSubmitted",
      payload: { quiz_id: randomUUID(), learner_id: learner, score: "96" },
    },
    code: "INVALID_EVENT",
    field: "payload.payload.score",
  },
  {
    name: "a score of NaN, stored as text",
    eventName: "QuizSubmitted",
    payload: {
      type: "QuizSubmitted",
      payload: { quiz_id: randomUUID(), learner_id: learner, score: "NaN" },
    },
    code: "INVALID_EVENT",
    field: "payload.payload.score",
  },
  {
    name: "a negative score",
    eventName: "QuizSubmitted",
    payload: {
      type: "QuizSubmitted",
      payload: { quiz_id: randomUUID(), learner_id: learner, score: -1 },
    },
    code: "INVALID_EVENT",
    field: "payload.payload.score",
  },
  {
    name: "a score above 100",
    eventName: "QuizSubmitted",
    payload: {
      type: "QuizSubmitted",
      payload: { quiz_id: randomUUID(), learner_id: learner, score: 100.5 },
    },
    code: "INVALID_EVENT",
    field: "payload.payload.score",
  },
  {
    name: "a payload without a learner",
    eventName: "QuizSubmitted",
    payload: {
      type: "QuizSubmitted",
      payload: { quiz_id: randomUUID(), score: 99 },
    },
    code: "INVALID_EVENT",
    field: "payload.payload.learner_id",
  },
].map((row) => ({ ...row, id: randomUUID() }));

const subject = useTestService();

beforeAll(async () => {
  for (const row of badRows) {
    await subject.database.pool.query(
      `INSERT INTO event_store (id, occurred_at, event_name, payload)
       VALUES ($1, now(), $2, $3)`,
      [row.id, row.eventName, row.payload],
    );
  }
  await subject.service.store.append([quizSubmitted(learner, 91)]);
  await caughtUp(subject.service);
});

describe("bad events in the store", () => {
  it.each(badRows)(
    "dead-letters $name with its code and field",
    async (row) => {
      const letters = await deadLettersOf(
        subject.database.pool,
        subject.service.consumer.name,
      );
      const letter = letters.find((l) => l.eventId === row.id);

      expect(letter?.code).toBe(row.code);
      expect(letter?.reason).toContain(row.field);
    },
  );

  it("records each bad event once", async () => {
    const letters = await deadLettersOf(
      subject.database.pool,
      subject.service.consumer.name,
    );
    expect(letters).toHaveLength(badRows.length);
  });

  it("still awards the good event that follows them", async () => {
    const { rows } = await subject.database.pool.query(
      "SELECT badge_id FROM learner_badges WHERE learner_id = $1",
      [learner],
    );
    expect(rows).toEqual([
      { badge_id: "11111111-1111-1111-1111-111111111111" },
    ]);
  });

  it("leaves the bad events in the store untouched", async () => {
    const { rows } = await subject.database.pool.query(
      "SELECT count(*)::int AS n FROM event_store WHERE id = ANY($1::uuid[])",
      [badRows.map((row) => row.id)],
    );
    expect(rows[0].n).toBe(badRows.length);
  });
});
