import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BadgeService } from "../../src/service.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../support/test-database.js";
import { caughtUp, startTestService } from "../support/test-service.js";

/** The tables and rows exactly as the original Rust service wrote them. */
const sketchSchema = `
CREATE TABLE IF NOT EXISTS event_store (
    id UUID PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL,
    event_name TEXT NOT NULL,
    payload JSONB NOT NULL
);
CREATE TABLE IF NOT EXISTS learner_badges (
    learner_id UUID NOT NULL,
    badge_id UUID NOT NULL,
    awarded_at TIMESTAMPTZ NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (learner_id, badge_id)
);`;

const veteran = "aaaaaaaa-0000-4000-8000-000000000001";
const newcomer = "aaaaaaaa-0000-4000-8000-000000000002";

const sketchRows = [
  {
    id: "bbbbbbbb-0000-4000-8000-000000000001",
    occurred_at: "2025-06-01T09:00:00.123456789Z",
    event_name: "QuizSubmitted",
    payload: {
      type: "QuizSubmitted",
      payload: {
        quiz_id: "cccccccc-0000-4000-8000-000000000001",
        learner_id: veteran,
        score: 97.0,
      },
    },
  },
  {
    id: "bbbbbbbb-0000-4000-8000-000000000002",
    occurred_at: "2025-06-01T09:00:01Z",
    event_name: "BadgeAwarded",
    payload: {
      type: "BadgeAwarded",
      payload: {
        badge_id: "11111111-1111-1111-1111-111111111111",
        learner_id: veteran,
        awarded_at: "2025-06-01T09:00:01.5Z",
        reason: "Scored 90% or above on a quiz.",
      },
    },
  },
  {
    id: "bbbbbbbb-0000-4000-8000-000000000003",
    occurred_at: "2025-06-02T10:00:00+02:00",
    event_name: "QuizSubmitted",
    payload: {
      type: "QuizSubmitted",
      payload: {
        quiz_id: "cccccccc-0000-4000-8000-000000000002",
        learner_id: newcomer,
        score: 100.0,
      },
    },
  },
];

let database: TestDatabase;
let service: BadgeService;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query(sketchSchema);
  for (const row of sketchRows) {
    await database.pool.query(
      "INSERT INTO event_store (id, occurred_at, event_name, payload) VALUES ($1, $2, $3, $4)",
      [row.id, row.occurred_at, row.event_name, row.payload],
    );
  }
  await database.pool.query(
    `INSERT INTO learner_badges (learner_id, badge_id, awarded_at, reason)
     VALUES ($1, '11111111-1111-1111-1111-111111111111', '2025-06-01T09:00:01.5Z',
             'Scored 90% or above on a quiz.')`,
    [veteran],
  );
  service = await startTestService(database.url);
  await caughtUp(service);
});

afterAll(async () => {
  await service?.stop();
  await database?.drop();
});

describe("a database written by the original service", () => {
  it("numbers its events in the order they occurred", async () => {
    const { rows } = await database.pool.query(
      "SELECT id, global_position FROM event_store ORDER BY global_position LIMIT 3",
    );
    expect(rows.map((r) => r.id)).toEqual(sketchRows.map((r) => r.id));
  });

  it("processes its quiz submissions and keeps its awards without duplicating them", async () => {
    const { rows } = await database.pool.query(
      "SELECT learner_id, badge_id FROM learner_badges ORDER BY learner_id, badge_id",
    );
    expect(rows).toEqual([
      { learner_id: veteran, badge_id: "11111111-1111-1111-1111-111111111111" },
      {
        learner_id: newcomer,
        badge_id: "11111111-1111-1111-1111-111111111111",
      },
      {
        learner_id: newcomer,
        badge_id: "22222222-2222-2222-2222-222222222222",
      },
    ]);
  });

  it("reads its events back as typed envelopes", async () => {
    const submitted = await service.store.readByType("QuizSubmitted");
    const first = submitted[0]?.envelope;
    expect(first?.occurredAt.toISOString()).toBe("2025-06-01T09:00:00.123Z");
    expect(first?.event.payload).toEqual({
      quizId: "cccccccc-0000-4000-8000-000000000001",
      learnerId: veteran,
      score: 97,
    });
  });

  it("accepts new events beside the old ones", async () => {
    const { rows } = await database.pool.query(
      "SELECT count(*)::int AS n FROM event_store WHERE event_name = 'BadgeAwarded'",
    );
    expect(rows[0].n).toBe(3);
  });
});
