import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { delay } from "../../src/support/delay.js";
import { postJson, quizEnvelope } from "../support/http.js";
import { useTestApi } from "../support/test-api.js";
import { caughtUp } from "../support/test-service.js";

const subject = useTestApi();

interface AppendAnswer {
  id: string;
  position: number;
  duplicate: boolean;
}

interface EventsPage {
  events: {
    position: number;
    id: string;
    occurred_at: string;
    recorded_at: string;
    event: { type: string; payload: Record<string, unknown> };
  }[];
  next_after: number;
}

async function post(body: unknown): Promise<AppendAnswer> {
  const response = await postJson(`${subject.url}/v1/events`, body);
  expect(response.status).toBe(202);
  return (await response.json()) as AppendAnswer;
}

async function postBatch(events: unknown[]): Promise<AppendAnswer[]> {
  const response = await postJson(`${subject.url}/v1/events/batch`, {
    events,
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { results: AppendAnswer[] }).results;
}

/** Stored rows per id, with their positions. */
async function storedRows(ids: readonly string[]) {
  const { rows } = await subject.database.pool.query<{
    id: string;
    global_position: string;
  }>("SELECT id, global_position FROM event_store WHERE id = ANY($1::uuid[])", [
    ids,
  ]);
  return rows.map((row) => ({
    id: row.id,
    position: Number(row.global_position),
  }));
}

async function storedIds(eventName?: string): Promise<string[]> {
  const { rows } = await subject.database.pool.query<{ id: string }>(
    "SELECT id FROM event_store WHERE $1::text IS NULL OR event_name = $1",
    [eventName ?? null],
  );
  return rows.map((row) => row.id);
}

/**
 * Follows `next_after` from the start until `expected` events were read and
 * a page came back empty. Reads never pass a transaction still running on
 * the server, so an empty page before then means "not yet", not "the end".
 */
async function readAll(
  query: string,
  expected: number,
  timeoutMs = 10_000,
): Promise<EventsPage["events"]> {
  const deadline = Date.now() + timeoutMs;
  const read: EventsPage["events"] = [];
  let after = 0;
  for (;;) {
    const response = await fetch(
      `${subject.url}/v1/events?after=${after}&limit=7${query}`,
    );
    expect(response.status).toBe(200);
    const page = (await response.json()) as EventsPage;
    expect(page.events.length).toBeLessThanOrEqual(7);
    read.push(...page.events);
    if (page.events.length > 0) {
      expect(page.next_after).toBe(page.events.at(-1)?.position);
    } else {
      expect(page.next_after).toBe(after);
      if (read.length >= expected || Date.now() > deadline) {
        return read;
      }
      await delay(50);
    }
    after = page.next_after;
  }
}

describe("ingest over HTTP", () => {
  it("answers a repeated envelope with its first position and duplicate true, storing it once", async () => {
    const envelope = quizEnvelope();

    const first = await post(envelope);
    const second = await post(envelope);

    expect(first).toEqual({
      id: envelope.id,
      position: expect.any(Number),
      duplicate: false,
    });
    expect(second).toEqual({ ...first, duplicate: true });
    expect(await storedRows([envelope.id])).toEqual([
      { id: envelope.id, position: first.position },
    ]);
  });

  it("answers a batch item by item, in order, marking repeats and stored events as duplicates", async () => {
    const stored = quizEnvelope();
    const storedAnswer = await post(stored);
    const [a, b, c] = [quizEnvelope(), quizEnvelope(), quizEnvelope()];

    const results = await postBatch([a, stored, b, a, c]);

    expect(results.map(({ id, duplicate }) => ({ id, duplicate }))).toEqual([
      { id: a.id, duplicate: false },
      { id: stored.id, duplicate: true },
      { id: b.id, duplicate: false },
      { id: a.id, duplicate: true },
      { id: c.id, duplicate: false },
    ]);
    expect(results[1]?.position).toBe(storedAnswer.position);
    expect(results[3]?.position).toBe(results[0]?.position);
    const rows = await storedRows([a.id, b.id, c.id, stored.id]);
    expect(rows).toHaveLength(4);
    for (const result of results) {
      expect(rows).toContainEqual({ id: result.id, position: result.position });
    }
  });

  it("answers 200 concurrent posts with 202 and distinct positions, storing each event once", async () => {
    const envelopes = Array.from({ length: 200 }, () =>
      quizEnvelope(randomUUID(), 40),
    );

    const answers = await Promise.all(envelopes.map((e) => post(e)));

    expect(answers.map((a) => a.id)).toEqual(envelopes.map((e) => e.id));
    expect(answers.every((a) => !a.duplicate)).toBe(true);
    expect(new Set(answers.map((a) => a.position)).size).toBe(200);
    const rows = await storedRows(envelopes.map((e) => e.id));
    expect(rows).toHaveLength(200);
    expect(new Map(rows.map((r) => [r.id, r.position]))).toEqual(
      new Map(answers.map((a) => [a.id, a.position])),
    );
  });

  describe("reading back with GET /v1/events", () => {
    it("pages through every stored event exactly once", async () => {
      await postBatch(
        Array.from({ length: 20 }, (_, i) => quizEnvelope(randomUUID(), i * 5)),
      );
      await caughtUp(subject.service);
      const expected = await storedIds();

      const read = await readAll("", expected.length);

      expect(read.map((e) => e.id).sort()).toEqual(expected.sort());
      expect(new Set(read.map((e) => e.position)).size).toBe(read.length);
    });

    it.each(["QuizSubmitted", "BadgeAwarded"])(
      "pages through the %s events only when filtered by type",
      async (type) => {
        await caughtUp(subject.service);
        const expected = await storedIds(type);
        expect(expected.length).toBeGreaterThan(0);

        const read = await readAll(`&type=${type}`, expected.length);

        expect(read.every((e) => e.event.type === type)).toBe(true);
        expect(read.map((e) => e.id).sort()).toEqual(expected.sort());
      },
    );

    it("returns each event as it was posted, with its position", async () => {
      const envelope = quizEnvelope(randomUUID(), 12.5);
      const { position } = await post(envelope);
      const expected = await storedIds("QuizSubmitted");

      const read = await readAll("&type=QuizSubmitted", expected.length);

      expect(read.find((e) => e.id === envelope.id)).toMatchObject({
        position,
        occurred_at: envelope.occurred_at,
        event: envelope.event,
      });
    });
  });
});
