import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { delay } from "../../src/support/delay.js";
import { useTestApi } from "../support/test-api.js";
import { caughtUp } from "../support/test-service.js";

const subject = useTestApi();

function quizEnvelope(learnerId: string, score: number) {
  return {
    id: randomUUID(),
    occurred_at: new Date().toISOString(),
    event: {
      type: "QuizSubmitted",
      payload: { quiz_id: randomUUID(), learner_id: learnerId, score },
    },
  };
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${subject.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads SSE events from a streaming response until `count` arrived. */
async function readEvents(
  response: Response,
  count: number,
): Promise<SseEvent[]> {
  const reader = response.body
    ?.pipeThrough(new TextDecoderStream())
    .getReader();
  if (!reader) {
    throw new Error("no body");
  }
  const events: SseEvent[] = [];
  let buffer = "";
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) {
      break;
    }
    buffer += value;
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = {};
      for (const line of block.split("\n")) {
        const [field, ...rest] = line.split(": ");
        if (field === "id" || field === "event" || field === "data") {
          event[field] = rest.join(": ");
        }
      }
      if (event.data) {
        events.push(event);
      }
      end = buffer.indexOf("\n\n");
    }
  }
  await reader.cancel();
  return events;
}

describe("HTTP API end to end", () => {
  it("answers 202 with the position, then shows the badge on the learner's list", async () => {
    const learner = randomUUID();
    const envelope = quizEnvelope(learner, 97);

    const response = await post("/v1/events", envelope);
    const body = await response.json();
    expect(response.status).toBe(202);
    expect(body).toEqual({
      id: envelope.id,
      position: expect.any(Number),
      duplicate: false,
    });

    await caughtUp(subject.service);
    const listed = await fetch(`${subject.url}/v1/learners/${learner}/badges`);
    const badges = (await listed.json()) as { badges: unknown[] };
    expect(badges.badges).toEqual([
      {
        badge_id: "11111111-1111-1111-1111-111111111111",
        name: "Quiz Master",
        reason: "Scored 90% or above on a quiz.",
        awarded_at: envelope.occurred_at,
        trigger_event_id: envelope.id,
      },
    ]);
  });

  it("streams awards as they are made, and a reconnect with Last-Event-ID gets exactly the missed ones", async () => {
    const learner = randomUUID();
    const controller = new AbortController();
    const live = await fetch(
      `${subject.url}/v1/awards/stream?learner_id=${learner}`,
      {
        signal: controller.signal,
      },
    );
    expect(live.headers.get("content-type")).toContain("text/event-stream");

    await post("/v1/events", quizEnvelope(learner, 95));
    const [first] = await readEvents(live, 1);
    controller.abort();
    expect(first?.event).toBe("BadgeAwarded");
    expect(JSON.parse(first?.data ?? "{}").event.payload.learner_id).toBe(
      learner,
    );

    await post("/v1/events", quizEnvelope(learner, 100));
    await caughtUp(subject.service);
    await delay(50);

    const resumed = await fetch(
      `${subject.url}/v1/awards/stream?learner_id=${learner}`,
      {
        headers: { "last-event-id": first?.id ?? "" },
      },
    );
    const missed = await readEvents(resumed, 1);
    expect(
      missed.map((e) => JSON.parse(e.data ?? "{}").event.payload.badge_id),
    ).toEqual(["22222222-2222-2222-2222-222222222222"]);
  });
});
