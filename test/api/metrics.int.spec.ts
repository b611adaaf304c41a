import { randomUUID } from "node:crypto";
import {
  getMetricsFromIterator,
  type PromData,
  type PromHistogramData,
  type PromMetrics,
} from "prom2javascript";
import { beforeAll, describe, expect, it } from "vitest";
import { delay } from "../../src/support/delay.js";
import {
  perfectScoreId,
  postJson,
  quizEnvelope,
  quizMasterId,
} from "../support/http.js";
import { useTestApi } from "../support/test-api.js";
import { caughtUp } from "../support/test-service.js";

const subject = useTestApi();

type Scrape = PromMetrics;

/**
 * Parses the text format strictly: a malformed line or histogram rejects.
 * The parser's grammar lacks NaN, a valid sample value that prom-client
 * writes for event loop gauges without observations, so such samples are
 * checked here and left out.
 */
function parseMetrics(text: string): Promise<Scrape> {
  const lines = text.split("\n").filter((line) => {
    const notANumber = /^(\w+)(\{[^}]*\})? nan$/i.exec(line);
    if (notANumber) {
      expect(notANumber[1], line).toMatch(/^edupulse_nodejs_/);
    }
    return !notANumber;
  });
  return getMetricsFromIterator(lines[Symbol.iterator]());
}

async function scrape(): Promise<Scrape> {
  const response = await fetch(`${subject.url}/metrics`);
  expect(response.status).toBe(200);
  return parseMetrics(await response.text());
}

function matches(
  series: { labels: Record<string, string> },
  labels: Record<string, string>,
): boolean {
  return Object.entries(labels).every(
    ([key, value]) => series.labels[key] === value,
  );
}

/** The sum of the matching counter or gauge series; 0 when there is none. */
function sampleOf(
  metrics: Scrape,
  name: string,
  labels: Record<string, string> = {},
): number {
  const data = (metrics[name]?.data ?? []) as PromData[];
  return data
    .filter((series) => matches(series, labels))
    .reduce((total, series) => total + series.value, 0);
}

/** Observations of a histogram over the matching series. */
function countOf(
  metrics: Scrape,
  name: string,
  labels: Record<string, string> = {},
): number {
  const data = (metrics[name]?.data ?? []) as PromHistogramData[];
  return data
    .filter((series) => matches(series, labels))
    .reduce((total, series) => total + series.count, 0);
}

/**
 * Scrapes until `read` reaches `expected`, since counters are updated just
 * after the work they count becomes visible.
 */
async function settledValue(
  read: (metrics: Scrape) => number,
  expected: number,
  timeoutMs = 5_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let value = read(await scrape());
  while (value !== expected && Date.now() < deadline) {
    await delay(50);
    value = read(await scrape());
  }
  return value;
}

const ingested = (metrics: Scrape) =>
  sampleOf(metrics, "edupulse_events_ingested_total", {
    type: "QuizSubmitted",
  });
const awards = (badge: string) => (metrics: Scrape) =>
  sampleOf(metrics, "edupulse_awards_total", { badge });
const eventPosts = (metrics: Scrape) =>
  countOf(metrics, "edupulse_http_request_duration_seconds", {
    method: "POST",
    route: "/v1/events",
    status: "202",
  });

describe("the metrics endpoint", () => {
  it("serves the Prometheus text format with every service metric", async () => {
    const response = await fetch(`${subject.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(
      /^text\/plain; version=0\.0\.4/,
    );
    const metrics = await parseMetrics(await response.text());
    const types = Object.fromEntries(
      Object.entries(metrics).map(([name, metric]) => [name, metric.type]),
    );
    expect(types).toMatchObject({
      edupulse_events_ingested_total: "counter",
      edupulse_awards_total: "counter",
      edupulse_dead_lettered_events_total: "counter",
      edupulse_consumer_batch_size: "histogram",
      edupulse_http_request_duration_seconds: "histogram",
      edupulse_consumer_lag_events: "gauge",
      edupulse_consumer_lag_seconds: "gauge",
      edupulse_db_pool_connections: "gauge",
    });
  });

  describe("after events were posted and processed", () => {
    const scores = [95, 100, 50, 89.99, 90, 100, 10];
    const expectedAwards: Record<string, number> = {
      [quizMasterId]: scores.filter((s) => s >= 90).length,
      [perfectScoreId]: scores.filter((s) => s === 100).length,
    };
    let before: Scrape;
    let after: Scrape;
    let singlePosts = 0;

    beforeAll(async () => {
      before = await scrape();
      const envelopes = scores.map((score) =>
        quizEnvelope(randomUUID(), score),
      );
      const [first, second, third, ...others] = envelopes;
      if (!first || !second || !third) {
        throw new Error("the scenario needs three envelopes at least");
      }
      for (const envelope of [first, second, first]) {
        const response = await postJson(`${subject.url}/v1/events`, envelope);
        expect(response.status).toBe(202);
        singlePosts += 1;
      }
      const batch = await postJson(`${subject.url}/v1/events/batch`, {
        events: [third, ...others, second, third],
      });
      expect(batch.status).toBe(202);
      await caughtUp(subject.service);
      after = await scrape();
    });

    it("counts each new QuizSubmitted once and no duplicate", async () => {
      const rise =
        (await settledValue(ingested, ingested(before) + scores.length)) -
        ingested(before);
      expect(rise).toBe(scores.length);
    });

    it.each([
      ["Quiz Master", quizMasterId],
      ["Perfect Score", perfectScoreId],
    ])("counts the %s awards made", async (_name, badge) => {
      const read = awards(badge);
      const expected = read(before) + (expectedAwards[badge] ?? 0);
      expect(await settledValue(read, expected)).toBe(expected);
    });

    it("observes the size of the consumer's batches", () => {
      expect(countOf(after, "edupulse_consumer_batch_size")).toBeGreaterThan(
        countOf(before, "edupulse_consumer_batch_size"),
      );
    });

    it("times every request to /v1/events by method, route and status", async () => {
      const expected = eventPosts(before) + singlePosts;
      expect(await settledValue(eventPosts, expected)).toBe(expected);
    });

    it("reports no consumer lag once the consumer caught up", () => {
      expect(sampleOf(after, "edupulse_consumer_lag_events")).toBe(0);
      expect(sampleOf(after, "edupulse_consumer_lag_seconds")).toBe(0);
    });

    it("reports the connections of the database pool", () => {
      expect(
        sampleOf(after, "edupulse_db_pool_connections", { state: "total" }),
      ).toBeGreaterThan(0);
    });
  });

  it("counts an event the consumer dead-letters, by reason code", async () => {
    const deadLettered = (metrics: Scrape) =>
      sampleOf(metrics, "edupulse_dead_lettered_events_total", {
        code: "UNKNOWN_EVENT_TYPE",
      });
    const before = await scrape();
    await subject.database.pool.query(
      `INSERT INTO event_store (id, occurred_at, event_name, payload)
       VALUES ($1, now(), 'LessonFinished', $2)`,
      [randomUUID(), { type: "LessonFinished", payload: {} }],
    );
    await caughtUp(subject.service);

    const expected = deadLettered(before) + 1;
    expect(await settledValue(deadLettered, expected)).toBe(expected);
    expect(ingested(await scrape())).toBe(ingested(before));
  });
});
