import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyBackfill, planBackfill } from "../../src/awards/backfill.js";
import { explainHolding } from "../../src/awards/explain.js";
import { loadCatalog } from "../../src/catalog/load-catalog.js";
import type { Catalog } from "../../src/domain/catalog.js";
import type { Envelope } from "../../src/domain/events.js";
import type { BadgeService } from "../../src/service.js";
import { EventStore } from "../../src/store/event-store.js";
import { migrate } from "../../src/store/migrator.js";
import { answerAccepted, quizSubmitted } from "../support/events.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../support/test-database.js";
import {
  caughtUp,
  silentLogger,
  startTestService,
} from "../support/test-service.js";

const quizMaster = "11111111-1111-1111-1111-111111111111";
const perfectScore = "22222222-2222-2222-2222-222222222222";
const firstSteps = "3a1d6f0e-5b2c-4e8a-9f47-1c2d3e4f5a05";
const helpfulPeer = "3a1d6f0e-5b2c-4e8a-9f47-1c2d3e4f5a06";
const allRounder = "3a1d6f0e-5b2c-4e8a-9f47-1c2d3e4f5a08";
const steadyLearner = "3a1d6f0e-5b2c-4e8a-9f47-1c2d3e4f5a01";

let catalog: Catalog;
const databases: TestDatabase[] = [];
const services: BadgeService[] = [];

async function serviceWith(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  databases.push(database);
  const service = await startTestService(database.url, env);
  services.push(service);
  return { database, service };
}

beforeAll(async () => {
  catalog = await loadCatalog("catalog.example.yaml");
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await Promise.all(databases.map((d) => d.drop()));
});

const at = (day: number) => new Date(Date.UTC(2026, 2, 1 + day, 9));

function lesson(learnerId: string, day: number): Envelope {
  return {
    id: randomUUID(),
    occurredAt: at(day),
    event: {
      type: "LessonCompleted",
      payload: { lessonId: randomUUID(), learnerId },
    },
  };
}

function accepted(learnerId: string, day: number): Envelope {
  return answerAccepted(learnerId, at(day));
}

function correction(
  submission: Envelope<"QuizSubmitted">,
  score: number,
): Envelope {
  return {
    id: randomUUID(),
    occurredAt: new Date(submission.occurredAt.getTime() + 60_000),
    event: {
      type: "QuizScoreCorrected",
      payload: {
        submissionId: submission.id,
        quizId: submission.event.payload.quizId,
        learnerId: submission.event.payload.learnerId,
        score,
      },
    },
  };
}

async function holdings(
  database: TestDatabase,
  learner: string,
): Promise<string[]> {
  const { rows } = await database.pool.query<{ badge_id: string }>(
    "SELECT badge_id FROM learner_badges WHERE learner_id = $1 ORDER BY badge_id",
    [learner],
  );
  return rows.map((row) => row.badge_id);
}

async function history(
  database: TestDatabase,
  learner: string,
): Promise<string[]> {
  const { rows } = await database.pool.query<{ entry: string }>(
    `SELECT event_name || ' ' || (payload->'payload'->>'badge_id') AS entry FROM event_store
     WHERE event_name IN ('BadgeAwarded', 'BadgeRevoked') AND payload->'payload'->>'learner_id' = $1
     ORDER BY transaction_id, global_position`,
    [learner],
  );
  return rows.map((row) => row.entry);
}

describe("a catalog file with every rule kind", () => {
  it("revokes and re-awards Perfect Score as its policy says, and keeps Quiz Master", async () => {
    const { database, service } = await serviceWith({
      CATALOG_FILE: "catalog.example.yaml",
    });
    const learner = randomUUID();
    const perfect = quizSubmitted(learner, 100);

    await service.store.append([perfect]);
    await caughtUp(service);
    expect(await holdings(database, learner)).toEqual([
      quizMaster,
      perfectScore,
    ]);

    await service.store.append([correction(perfect, 85)]);
    await caughtUp(service);
    expect(await holdings(database, learner)).toEqual([quizMaster]);

    await service.store.append([quizSubmitted(learner, 100)]);
    await caughtUp(service);
    expect(await holdings(database, learner)).toEqual([
      quizMaster,
      perfectScore,
    ]);
    expect(await history(database, learner)).toEqual([
      `BadgeAwarded ${quizMaster}`,
      `BadgeAwarded ${perfectScore}`,
      `BadgeRevoked ${perfectScore}`,
      `BadgeAwarded ${perfectScore}`,
    ]);
  });

  it("awards badges of badges in the batch that completes them, and explains each award", async () => {
    const { database, service } = await serviceWith({
      CATALOG_FILE: "catalog.example.yaml",
    });
    const learner = randomUUID();
    const answers = [
      accepted(learner, 0),
      accepted(learner, 1),
      accepted(learner, 2),
    ];

    await service.store.append([
      quizSubmitted(learner, 91),
      lesson(learner, 0),
      ...answers,
    ]);
    await caughtUp(service);

    expect(await holdings(database, learner)).toEqual(
      [quizMaster, firstSteps, helpfulPeer, allRounder].sort(),
    );
    const why = await explainHolding(
      database.pool,
      catalog,
      learner,
      helpfulPeer,
    );
    expect(why).toMatchObject({
      held: true,
      rule: { kind: "count", version: 1 },
    });
    expect(why.award?.evidence).toMatchObject({
      satisfiedBy: answers.map((a) => ({ eventId: a.id })),
    });
  });

  it("explains how far a learner is from a badge not held yet", async () => {
    const { database, service } = await serviceWith({
      CATALOG_FILE: "catalog.example.yaml",
    });
    const learner = randomUUID();
    await service.store.append([
      quizSubmitted(learner, 85),
      quizSubmitted(learner, 82),
    ]);
    await caughtUp(service);

    const why = await explainHolding(
      database.pool,
      catalog,
      learner,
      steadyLearner,
    );
    expect(why.held).toBe(false);
    expect(Object.keys((why.progress as { hits: object }).hits)).toHaveLength(
      2,
    );
  });
});

describe("backfill", () => {
  it("awards new badges for stored history, a second run changes nothing, and it equals live evaluation", async () => {
    const learners = [randomUUID(), randomUUID(), randomUUID()];
    const events = learners.flatMap((learner, i) => [
      lesson(learner, i),
      quizSubmitted(learner, 90 + i * 5),
      ...Array.from({ length: i + 1 }, (_, day) => accepted(learner, day)),
    ]);

    const before = await serviceWith();
    await before.service.store.append(events);
    await caughtUp(before.service);
    await before.service.stop();
    services.splice(services.indexOf(before.service), 1);

    const pool = before.database.pool;
    await migrate(pool, silentLogger);
    const parts = {
      pool,
      store: new EventStore(pool),
      catalog,
      consumer: "badge-awards",
    };
    const dry = await planBackfill(parts);
    const gains = Object.fromEntries(
      dry.deltas.map((d) => [d.badge.name, d.gains.length]),
    );
    expect(gains).toMatchObject({
      "Quiz Master": 0,
      "First Steps": 3,
      "Helpful Peer": 1,
    });
    expect(await holdings(before.database, learners[0] ?? "")).toEqual([
      quizMaster,
    ]);

    await applyBackfill(parts);
    const again = await planBackfill(parts);
    expect(
      again.deltas.every((d) => d.gains.length + d.losses.length === 0),
    ).toBe(true);

    const live = await serviceWith({ CATALOG_FILE: "catalog.example.yaml" });
    await live.service.store.append(events);
    await caughtUp(live.service);
    for (const learner of learners) {
      expect(await holdings(before.database, learner)).toEqual(
        await holdings(live.database, learner),
      );
    }
  });
});
