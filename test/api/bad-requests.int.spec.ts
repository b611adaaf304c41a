import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WireEnvelope } from "../../src/domain/wire-schema.js";
import {
  expectProblem,
  postJson,
  quizEnvelope,
  quizMasterId,
} from "../support/http.js";
import { useTestApi } from "../support/test-api.js";
import { caughtUp } from "../support/test-service.js";

const bodyLimitBytes = 4096;
const batchMaxEvents = 5;
const subject = useTestApi({ limits: { bodyLimitBytes, batchMaxEvents } });

interface BadRequest {
  name: string;
  method: "GET" | "POST" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  /** The body exactly as sent. */
  body?: string;
  /** Ids of the envelopes in the body, none of which may be stored. */
  ids: string[];
  status: number;
  code: string;
  /** The `errors[].field` of the answer, in order; none when empty. */
  fields: string[];
}

const json = { "content-type": "application/json" };

/** A single envelope, changed by `edit`, posted to /v1/events. */
function envelopeCase(
  name: string,
  edit: (envelope: Record<string, unknown> & WireEnvelope) => void,
  expected: { code?: string; fields: string[] },
): BadRequest {
  const envelope = quizEnvelope() as Record<string, unknown> & WireEnvelope;
  const id = envelope.id;
  edit(envelope);
  return {
    name,
    method: "POST",
    path: "/v1/events",
    headers: json,
    body: JSON.stringify(envelope),
    ids: [id],
    status: 400,
    code: expected.code ?? "INVALID_EVENT",
    fields: expected.fields,
  };
}

function payloadCase(
  name: string,
  edit: (payload: Record<string, unknown>) => void,
  field: string,
): BadRequest {
  return envelopeCase(name, (e) => edit(e.event.payload), {
    fields: [`event.payload.${field}`],
  });
}

function rawCase(
  name: string,
  body: string,
  expected: Pick<BadRequest, "status" | "code" | "fields"> & {
    headers?: Record<string, string>;
    ids?: string[];
  },
): BadRequest {
  return {
    name,
    method: "POST",
    path: "/v1/events",
    headers: expected.headers ?? json,
    body,
    ids: expected.ids ?? [],
    status: expected.status,
    code: expected.code,
    fields: expected.fields,
  };
}

function batchCase(
  name: string,
  events: unknown[],
  expected: Pick<BadRequest, "status" | "code" | "fields">,
  wrap: (events: unknown[]) => unknown = (list) => ({ events: list }),
): BadRequest {
  return {
    name,
    method: "POST",
    path: "/v1/events/batch",
    headers: json,
    body: JSON.stringify(wrap(events)),
    ids: events.flatMap((e) =>
      typeof (e as { id?: unknown }).id === "string"
        ? [(e as { id: string }).id]
        : [],
    ),
    ...expected,
  };
}

function getCase(
  name: string,
  path: string,
  expected: Pick<BadRequest, "status" | "code" | "fields">,
  headers: Record<string, string> = {},
): BadRequest {
  return { name, method: "GET", path, headers, ids: [], ...expected };
}

const invalidRequest = (field: string) => ({
  status: 400,
  code: "INVALID_REQUEST",
  fields: [field],
});

const valid = quizEnvelope();
const oversized = {
  ...quizEnvelope(),
  padding: "x".repeat(bodyLimitBytes),
};

const cases: BadRequest[] = [
  rawCase("a body that is not valid JSON", '{"id": "', {
    status: 400,
    code: "MALFORMED_JSON",
    fields: [""],
  }),
  rawCase("an empty body", "", {
    status: 400,
    code: "MALFORMED_JSON",
    fields: [""],
  }),
  rawCase("a body that is a JSON string", '"QuizSubmitted"', {
    status: 400,
    code: "INVALID_EVENT",
    fields: [""],
  }),
  rawCase("a body that is a JSON number", "42", {
    status: 400,
    code: "INVALID_EVENT",
    fields: [""],
  }),
  rawCase("a body that is JSON null", "null", {
    status: 400,
    code: "INVALID_EVENT",
    fields: [""],
  }),
  rawCase("a body that is an array of envelopes", JSON.stringify([valid]), {
    status: 400,
    code: "INVALID_EVENT",
    fields: [""],
    ids: [valid.id],
  }),
  rawCase("an envelope sent as text/plain", JSON.stringify(valid), {
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    fields: [],
    headers: { "content-type": "text/plain" },
    ids: [valid.id],
  }),
  rawCase("an envelope sent as a form", "id=1", {
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    fields: [],
    headers: { "content-type": "application/x-www-form-urlencoded" },
  }),
  rawCase("a body over the size limit", JSON.stringify(oversized), {
    status: 413,
    code: "BODY_TOO_LARGE",
    fields: [""],
    ids: [oversized.id],
  }),
  envelopeCase(
    "an envelope without an id",
    (e) => {
      delete (e as Partial<WireEnvelope>).id;
    },
    { fields: ["id"] },
  ),
  envelopeCase(
    "an envelope whose id is not a uuid",
    (e) => {
      e.id = "event-1";
    },
    { fields: ["id"] },
  ),
  envelopeCase(
    "an envelope without occurred_at",
    (e) => {
      delete (e as Partial<WireEnvelope>).occurred_at;
    },
    { fields: ["occurred_at"] },
  ),
  envelopeCase(
    "an occurred_at that is not a timestamp",
    (e) => {
      e.occurred_at = "yesterday at noon";
    },
    { fields: ["occurred_at"] },
  ),
  envelopeCase(
    "an occurred_at without a time zone offset",
    (e) => {
      e.occurred_at = "2024-05-01T10:00:00";
    },
    { fields: ["occurred_at"] },
  ),
  envelopeCase(
    "an envelope without an event",
    (e) => {
      delete (e as Partial<WireEnvelope>).event;
    },
    { fields: ["event"] },
  ),
  envelopeCase(
    "an event that is not an object",
    (e) => {
      e.event = "QuizSubmitted" as unknown as WireEnvelope["event"];
    },
    { fields: ["event"] },
  ),
  envelopeCase(
    "an event without a type",
    (e) => {
      delete (e.event as Partial<WireEnvelope["event"]>).type;
    },
    { fields: ["event.type"] },
  ),
  envelopeCase(
    "an event type that is not a string",
    (e) => {
      (e.event as { type: unknown }).type = 7;
    },
    { fields: ["event.type"] },
  ),
  envelopeCase(
    "an unknown event type",
    (e) => {
      e.event.type = "LessonFinished";
    },
    { code: "UNKNOWN_EVENT_TYPE", fields: ["event.type"] },
  ),
  envelopeCase(
    "an event without a payload",
    (e) => {
      delete (e.event as Partial<WireEnvelope["event"]>).payload;
    },
    { fields: ["event.payload"] },
  ),
  envelopeCase(
    "a payload that is not an object",
    (e) => {
      (e.event as { payload: unknown }).payload = [1, 2];
    },
    { fields: ["event.payload"] },
  ),
  payloadCase(
    "a payload without quiz_id",
    (p) => {
      delete p.quiz_id;
    },
    "quiz_id",
  ),
  payloadCase(
    "a learner_id that is not a uuid",
    (p) => {
      p.learner_id = "learner-42";
    },
    "learner_id",
  ),
  payloadCase(
    "a score given as a string",
    (p) => {
      p.score = "95";
    },
    "score",
  ),
  payloadCase(
    "a null score",
    (p) => {
      p.score = null;
    },
    "score",
  ),
  payloadCase(
    "a score just below 0",
    (p) => {
      p.score = -0.01;
    },
    "score",
  ),
  payloadCase(
    "a score just above 100",
    (p) => {
      p.score = 100.01;
    },
    "score",
  ),
  (() => {
    const envelope = quizEnvelope(randomUUID(), 95);
    const text = JSON.stringify(envelope).replace(
      '"score":95',
      '"score":1e309',
    );
    return rawCase("a score that overflows to Infinity", text, {
      status: 400,
      code: "INVALID_EVENT",
      fields: ["event.payload.score"],
      ids: [envelope.id],
    });
  })(),
  batchCase(
    "a batch over the maximum number of events",
    Array.from({ length: batchMaxEvents + 1 }, () => quizEnvelope()),
    { status: 400, code: "BATCH_TOO_LARGE", fields: ["events"] },
  ),
  batchCase("an empty batch", [], {
    status: 400,
    code: "INVALID_EVENT",
    fields: ["events"],
  }),
  batchCase(
    "a batch with one score out of range among valid events",
    [quizEnvelope(), quizEnvelope(), quizEnvelope(undefined, 150)],
    {
      status: 400,
      code: "INVALID_EVENT",
      fields: ["events[2].event.payload.score"],
    },
  ),
  batchCase(
    "a batch with one unknown event type among valid events",
    [
      quizEnvelope(),
      { ...quizEnvelope(), event: { type: "LessonFinished", payload: {} } },
      quizEnvelope(),
    ],
    {
      status: 400,
      code: "UNKNOWN_EVENT_TYPE",
      fields: ["events[1].event.type"],
    },
  ),
  batchCase("a batch item that is not an object", [quizEnvelope(), 17], {
    status: 400,
    code: "INVALID_EVENT",
    fields: ["events[1]"],
  }),
  batchCase(
    "a batch without the events member",
    [quizEnvelope()],
    { status: 400, code: "INVALID_EVENT", fields: ["events"] },
    ([first]) => ({ event: first }),
  ),
  batchCase(
    "a batch sent as a bare array",
    [quizEnvelope(), quizEnvelope()],
    { status: 400, code: "INVALID_EVENT", fields: [""] },
    (list) => list,
  ),
  getCase("a page limit of 0", "/v1/events?limit=0", invalidRequest("limit")),
  getCase(
    "a page limit over 1000",
    "/v1/events?limit=5000",
    invalidRequest("limit"),
  ),
  getCase(
    "a page limit that is not whole",
    "/v1/events?limit=2.5",
    invalidRequest("limit"),
  ),
  getCase(
    "a negative after position",
    "/v1/events?after=-1",
    invalidRequest("after"),
  ),
  getCase(
    "an after position that is not a number",
    "/v1/events?after=abc",
    invalidRequest("after"),
  ),
  getCase(
    "an after position where no event is stored",
    "/v1/events?after=424242",
    invalidRequest("after"),
  ),
  getCase("an empty type filter", "/v1/events?type=", invalidRequest("type")),
  getCase(
    "a learner id that is not a uuid",
    "/v1/learners/not-a-uuid/badges",
    invalidRequest("learnerId"),
  ),
  getCase(
    "a stream Last-Event-ID that is not a position",
    "/v1/awards/stream",
    invalidRequest("Last-Event-ID"),
    { "last-event-id": "abc" },
  ),
  getCase(
    "a stream Last-Event-ID where no event is stored",
    "/v1/awards/stream",
    invalidRequest("Last-Event-ID"),
    { "last-event-id": "424242" },
  ),
  getCase(
    "a stream after position that is not a number",
    "/v1/awards/stream?after=abc",
    invalidRequest("after"),
  ),
  getCase(
    "a stream learner_id that is not a uuid",
    "/v1/awards/stream?learner_id=someone",
    invalidRequest("learner_id"),
  ),
  getCase("an unknown route", "/v1/achievements", {
    status: 404,
    code: "NOT_FOUND",
    fields: [],
  }),
  {
    name: "a method the route does not serve",
    method: "DELETE",
    path: "/v1/events",
    ids: [],
    status: 404,
    code: "NOT_FOUND",
    fields: [],
  },
];

async function storedRows(ids: readonly string[] = []) {
  const { rows } = await subject.database.pool.query<{
    total: string;
    named: string;
  }>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE id = ANY($1::uuid[])) AS named
     FROM event_store`,
    [ids],
  );
  return { total: Number(rows[0]?.total), named: Number(rows[0]?.named) };
}

const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

describe("bad requests", () => {
  it.each(
    cases.map(
      (bad) => [`${bad.name} with ${bad.status} ${bad.code}`, bad] as const,
    ),
  )("rejects %s and stores nothing", async (_title, bad) => {
    const ids = bad.ids.filter(isUuid);
    const before = await storedRows(ids);

    const response = await fetch(`${subject.url}${bad.path}`, {
      method: bad.method,
      ...(bad.headers ? { headers: bad.headers } : {}),
      ...(bad.body === undefined ? {} : { body: bad.body }),
    });

    const problem = await expectProblem(response, bad.status, bad.code);
    const errors = problem.errors ?? [];
    expect(errors.map((issue) => issue.field)).toEqual(bad.fields);
    for (const issue of errors) {
      expect(issue.reason).toMatch(/\S/);
    }
    expect(await storedRows(ids)).toEqual({ total: before.total, named: 0 });
  });

  it("names the bound that a score out of range breaks", async () => {
    const envelope = quizEnvelope(randomUUID(), 100.01);
    const problem = await expectProblem(
      await postJson(`${subject.url}/v1/events`, envelope),
      400,
      "INVALID_EVENT",
    );
    expect(problem.errors).toEqual([
      { field: "event.payload.score", reason: "must be at most 100" },
    ]);
  });

  it("names the known event types when the type is unknown", async () => {
    const envelope = quizEnvelope();
    envelope.event.type = "LessonFinished";
    const problem = await expectProblem(
      await postJson(`${subject.url}/v1/events`, envelope),
      400,
      "UNKNOWN_EVENT_TYPE",
    );
    expect(problem.errors?.[0]?.reason).toContain("QuizSubmitted");
  });

  it("stores and awards a valid event posted after all the bad ones", async () => {
    const learner = randomUUID();
    const envelope = quizEnvelope(learner, 93);

    const response = await postJson(`${subject.url}/v1/events`, envelope);

    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({
      id: envelope.id,
      duplicate: false,
    });
    expect((await storedRows([envelope.id])).named).toBe(1);
    await caughtUp(subject.service);
    const badges = await fetch(`${subject.url}/v1/learners/${learner}/badges`);
    expect(await badges.json()).toMatchObject({
      learner_id: learner,
      badges: [{ badge_id: quizMasterId, trigger_event_id: envelope.id }],
    });
  });
});
