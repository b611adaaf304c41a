/** Helpers for end-to-end tests that talk to the API over real HTTP. */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { WireEnvelope } from "../../src/domain/wire-schema.js";

export const quizMasterId = "11111111-1111-1111-1111-111111111111";
export const perfectScoreId = "22222222-2222-2222-2222-222222222222";

/** A QuizSubmitted envelope in wire format, with fresh ids. */
export function quizEnvelope(
  learnerId: string = randomUUID(),
  score = 95,
): WireEnvelope {
  return {
    id: randomUUID(),
    occurred_at: new Date().toISOString(),
    event: {
      type: "QuizSubmitted",
      payload: { quiz_id: randomUUID(), learner_id: learnerId, score },
    },
  };
}

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { field: string; reason: string }[];
}

/** Checks that a response is a problem document with this status and code. */
export async function expectProblem(
  response: Response,
  status: number,
  code: string,
): Promise<Problem> {
  const text = await response.text();
  expect(
    { status: response.status, text },
    `answer to ${response.url}`,
  ).toMatchObject({ status });
  expect(response.headers.get("content-type")).toMatch(
    /^application\/problem\+json\b/,
  );
  const problem = JSON.parse(text) as Problem;
  expect(problem).toMatchObject({ status, code });
  expect(problem.detail).toEqual(expect.any(String));
  return problem;
}

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

export interface SseRead {
  messages: SseMessage[];
  /** Everything received, comments included. */
  raw: string;
  /** Whether the server ended the stream. */
  ended: boolean;
}

/**
 * Reads an event stream until `count` messages arrived, the stream ended,
 * or `timeoutMs` passed; then lets go of the connection.
 */
export async function readSse(
  response: Response,
  { count = Number.POSITIVE_INFINITY, timeoutMs = 10_000 } = {},
): Promise<SseRead> {
  const body = response.body;
  if (!body) {
    throw new Error("the response has no body");
  }
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const messages: SseMessage[] = [];
  let raw = "";
  let pending = "";
  let ended = false;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    while (messages.length < count) {
      const next = await Promise.race([reader.read(), timedOut]);
      if (next === "timeout") {
        break;
      }
      if (next.done) {
        ended = true;
        break;
      }
      raw += next.value;
      pending += next.value;
      let end = pending.indexOf("\n\n");
      while (end >= 0) {
        const message = parseSseBlock(pending.slice(0, end));
        pending = pending.slice(end + 2);
        if (message) {
          messages.push(message);
        }
        end = pending.indexOf("\n\n");
      }
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => {});
  }
  return { messages, raw, ended };
}

function parseSseBlock(block: string): SseMessage | undefined {
  const fields: Record<string, string> = {};
  for (const line of block.split("\n")) {
    if (line.startsWith(":")) {
      continue;
    }
    const colon = line.indexOf(":");
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    fields[name] =
      fields[name] === undefined ? value : `${fields[name]}\n${value}`;
  }
  if (fields.data === undefined) {
    return undefined;
  }
  return {
    data: fields.data,
    ...(fields.id === undefined ? {} : { id: fields.id }),
    ...(fields.event === undefined ? {} : { event: fields.event }),
  };
}

/** The badge and learner of a BadgeAwarded message of the stream. */
export function awardOf(message: SseMessage): {
  badgeId: string;
  learnerId: string;
} {
  const envelope = JSON.parse(message.data) as {
    event: { payload: { badge_id: string; learner_id: string } };
  };
  return {
    badgeId: envelope.event.payload.badge_id,
    learnerId: envelope.event.payload.learner_id,
  };
}
