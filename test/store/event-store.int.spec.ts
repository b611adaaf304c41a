import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EventStore } from "../../src/store/event-store.js";
import { migrate } from "../../src/store/migrator.js";
import { type Cursor, streamStart } from "../../src/store/stored-event.js";
import { inTransaction } from "../../src/store/transaction.js";
import { quizSubmitted } from "../support/events.js";
import {
  createTestDatabase,
  type TestDatabase,
} from "../support/test-database.js";
import { silentLogger } from "../support/test-service.js";

let database: TestDatabase;
let store: EventStore;

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.pool, silentLogger);
  store = new EventStore(database.pool);
});

afterAll(async () => {
  await database?.drop();
});

/** Reads everything after `from`, page by page, as a consumer would. */
async function readAll(from: Cursor, pageSize = 100) {
  const seen = [];
  let cursor = from;
  for (;;) {
    const page = await store.readForward(cursor, { limit: pageSize });
    if (page.length === 0) {
      return { seen, cursor };
    }
    seen.push(...page);
    cursor = page.at(-1)?.cursor ?? cursor;
  }
}

describe("event store", () => {
  it("assigns increasing global positions to appended events", async () => {
    const results = await store.append([
      quizSubmitted(randomUUID(), 10),
      quizSubmitted(randomUUID(), 20),
    ]);

    const [first, second] = results.map((r) => r.position);
    expect(second).toBe((first ?? 0) + 1);
    expect(results.every((r) => !r.duplicate)).toBe(true);
  });

  it("treats an id stored before as a no-op that returns the original position", async () => {
    const event = quizSubmitted(randomUUID(), 50);
    const [original] = await store.append([event]);
    const again = await store.append([
      event,
      quizSubmitted(randomUUID(), 1),
      event,
    ]);

    expect(again[0]).toEqual({
      id: event.id,
      position: original?.position,
      duplicate: true,
    });
    expect(again[1]?.duplicate).toBe(false);
    expect(again[2]).toEqual(again[0]);
    const { rows } = await database.pool.query(
      "SELECT count(*)::int AS n FROM event_store WHERE id = $1",
      [event.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it("reads back the envelope it stored, by event type", async () => {
    const head = await store.head();
    const event = quizSubmitted(randomUUID(), 96.5, {
      occurredAt: new Date("2026-01-02T03:04:05.678Z"),
    });
    await store.append([event]);

    const read = await store.readByType("QuizSubmitted", head);
    expect(read.map((stored) => stored.envelope)).toEqual([event]);
    expect(await store.readByType("BadgeAwarded", head)).toEqual([]);
  });

  it("does not pass a lower position whose transaction commits after a higher one", async () => {
    const start = await store.head();
    let releaseSlow: () => void = () => {};
    const slowMayCommit = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    let slowAppended: () => void = () => {};
    const slowHoldsPosition = new Promise<void>((resolve) => {
      slowAppended = resolve;
    });

    const slow = inTransaction(database.pool, async (client) => {
      const [result] = await store.appendWithin(client, [
        quizSubmitted(randomUUID(), 1),
      ]);
      slowAppended();
      await slowMayCommit;
      return result;
    });
    await slowHoldsPosition;
    const [fast] = await store.append([quizSubmitted(randomUUID(), 2)]);

    const whileSlowRuns = await readAll(start);
    expect(whileSlowRuns.seen).toEqual([]);

    releaseSlow();
    const slowResult = await slow;
    expect(slowResult?.position).toBeLessThan(fast?.position ?? 0);

    const afterCommit = await readAll(whileSlowRuns.cursor);
    expect(afterCommit.seen.map((r) => r.cursor.position).sort()).toEqual(
      [slowResult?.position, fast?.position].sort(),
    );
  });

  it("delivers every event exactly once to a reader racing 8 concurrent writers", async () => {
    const start = await store.head();
    const writers = Array.from({ length: 8 }, async () => {
      const ids: string[] = [];
      for (let batch = 0; batch < 25; batch += 1) {
        const events = Array.from({ length: 10 }, () =>
          quizSubmitted(randomUUID(), 50),
        );
        ids.push(...events.map((e) => e.id));
        await store.append(events);
      }
      return ids;
    });

    const seen: string[] = [];
    let cursor = start;
    let writing = true;
    const all = Promise.all(writers).finally(() => {
      writing = false;
    });
    while (writing) {
      const page = await store.readForward(cursor, { limit: 37 });
      seen.push(...page.map((r) => r.id));
      cursor = page.at(-1)?.cursor ?? cursor;
    }
    const written = (await all).flat();
    const rest = await readAll(cursor);
    seen.push(...rest.seen.map((r) => r.id));

    expect(seen).toHaveLength(written.length);
    expect(new Set(seen)).toEqual(new Set(written));
  });

  it("filters by event names to read or to leave out", async () => {
    const all = await store.readForward(streamStart, { limit: 10_000 });
    const none = await store.readForward(streamStart, {
      excludeTypes: ["QuizSubmitted"],
      limit: 10_000,
    });

    expect(all.length).toBeGreaterThan(0);
    expect(none).toEqual([]);
  });

  it("finds the cursor of an event by its global position", async () => {
    const [appended] = await store.append([quizSubmitted(randomUUID(), 3)]);
    const cursor = await store.cursorAt(appended?.position ?? -1);

    expect(cursor?.position).toBe(appended?.position);
    expect(await store.readForward(cursor)).toEqual([]);
    expect(await store.cursorAt(-5)).toBeUndefined();
  });
});
