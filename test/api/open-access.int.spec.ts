import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { postJson, quizEnvelope } from "../support/http.js";
import { useTestApi } from "../support/test-api.js";

const subject = useTestApi();

const calls: [string, number, () => Promise<Response>][] = [
  [
    "POST /v1/events",
    202,
    () => postJson(`${subject.url}/v1/events`, quizEnvelope()),
  ],
  [
    "POST /v1/events/batch",
    202,
    () =>
      postJson(`${subject.url}/v1/events/batch`, {
        events: [quizEnvelope()],
      }),
  ],
  ["GET /v1/events", 200, () => fetch(`${subject.url}/v1/events`)],
  ["GET /v1/badges", 200, () => fetch(`${subject.url}/v1/badges`)],
  [
    "GET /v1/learners/{learnerId}/badges",
    200,
    () => fetch(`${subject.url}/v1/learners/${randomUUID()}/badges`),
  ],
  ["GET /metrics", 200, () => fetch(`${subject.url}/metrics`)],
  ["GET /healthz", 200, () => fetch(`${subject.url}/healthz`)],
  ["GET /readyz", 200, () => fetch(`${subject.url}/readyz`)],
  ["GET /openapi.json", 200, () => fetch(`${subject.url}/openapi.json`)],
  ["GET /docs", 200, () => fetch(`${subject.url}/docs`)],
];

describe("access with no tokens configured", () => {
  it.each(calls)(
    "answers %s without a token with %i",
    async (_name, status, call) => {
      const response = await call();
      expect(response.status).toBe(status);
      await response.body?.cancel();
    },
  );

  it("opens the award stream without a token", async () => {
    const controller = new AbortController();
    const response = await fetch(`${subject.url}/v1/awards/stream`, {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    controller.abort();
  });

  it("ignores a token nobody holds", async () => {
    const response = await fetch(`${subject.url}/v1/badges`, {
      headers: { authorization: "Bearer unknown-token-0123456789abcdef" },
    });
    expect(response.status).toBe(200);
  });
});
