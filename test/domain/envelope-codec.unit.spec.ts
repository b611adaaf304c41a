import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeEnvelope,
  decodeEvent,
  encodeEnvelope,
  encodeEvent,
} from "../../src/domain/envelope-codec.js";
import { ValidationError } from "../../src/domain/errors.js";
import type { Envelope } from "../../src/domain/events.js";
import { envelope, wireEnvelope } from "../support/arbitraries.js";

const eventId = "0f8fad5b-d9cb-469f-a165-70867728950e";
const quizId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const learnerId = "9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b";
const badgeId = "11111111-1111-1111-1111-111111111111";

function exampleQuiz(): Record<string, unknown> {
  return {
    id: eventId,
    occurred_at: "2024-05-01T12:00:00Z",
    event: {
      type: "QuizSubmitted",
      payload: { quiz_id: quizId, learner_id: learnerId, score: 96.5 },
    },
  };
}

function withPayload(changes: Record<string, unknown>): unknown {
  const wire = exampleQuiz();
  const event = wire.event as { payload: Record<string, unknown> };
  return {
    ...wire,
    event: { ...event, payload: { ...event.payload, ...changes } },
  };
}

function withoutPayloadField(field: string): unknown {
  const wire = exampleQuiz();
  const event = wire.event as { payload: Record<string, unknown> };
  const { [field]: _dropped, ...rest } = event.payload;
  return { ...wire, event: { ...event, payload: rest } };
}

function withoutField(field: string): unknown {
  const { [field]: _dropped, ...rest } = exampleQuiz();
  return rest;
}

function rejection(decode: () => unknown): ValidationError {
  try {
    decode();
  } catch (error) {
    if (error instanceof ValidationError) {
      return error;
    }
    throw error;
  }
  throw new Error("expected a ValidationError, but the input was accepted");
}

describe("decodeEnvelope", () => {
  it("decodes the QuizSubmitted example of DESIGN.md into camelCase", () => {
    expect(decodeEnvelope(exampleQuiz())).toEqual({
      id: eventId,
      occurredAt: new Date("2024-05-01T12:00:00.000Z"),
      event: {
        type: "QuizSubmitted",
        payload: { quizId, learnerId, score: 96.5 },
      },
    } satisfies Envelope);
  });

  it("decodes the BadgeAwarded example of DESIGN.md into camelCase", () => {
    const decoded = decodeEnvelope({
      id: eventId,
      occurred_at: "2024-05-01T12:00:01Z",
      event: {
        type: "BadgeAwarded",
        payload: {
          badge_id: badgeId,
          learner_id: learnerId,
          awarded_at: "2024-05-01T12:00:00Z",
          reason: "Scored 90% or above on a quiz.",
        },
      },
    });

    expect(decoded.event).toEqual({
      type: "BadgeAwarded",
      payload: {
        badgeId,
        learnerId,
        awardedAt: new Date("2024-05-01T12:00:00.000Z"),
        reason: "Scored 90% or above on a quiz.",
      },
    });
  });

  it("lower-cases every id", () => {
    const decoded = decodeEnvelope({
      id: eventId.toUpperCase(),
      occurred_at: "2024-05-01T12:00:00Z",
      event: {
        type: "QuizSubmitted",
        payload: {
          quiz_id: quizId.toUpperCase(),
          learner_id: learnerId.toUpperCase(),
          score: 90,
        },
      },
    });

    expect(decoded.id).toBe(eventId);
    expect(decoded.event.payload).toMatchObject({ quizId, learnerId });
  });

  it.each([
    ["2024-05-01T14:00:00+02:00", "2024-05-01T12:00:00.000Z"],
    ["2024-05-01T07:30:00-04:30", "2024-05-01T12:00:00.000Z"],
    ["2024-05-01T12:00:00.123456789Z", "2024-05-01T12:00:00.123Z"],
    ["2024-05-01T14:00:00.5+02:00", "2024-05-01T12:00:00.500Z"],
  ])("reads occurred_at %s as the instant %s", (written, instant) => {
    const decoded = decodeEnvelope({ ...exampleQuiz(), occurred_at: written });

    expect(decoded.occurredAt.toISOString()).toBe(instant);
  });

  it("ignores fields the contract does not name", () => {
    const decoded = decodeEnvelope({
      ...(withPayload({ comment: "extra" }) as object),
      trace: "abc",
    });

    expect(decoded.event.payload).toEqual({ quizId, learnerId, score: 96.5 });
  });

  const invalidInputs = [
    { name: "a number", input: 42, field: "", reason: /object/ },
    { name: "null", input: null, field: "", reason: /object/ },
    { name: "an array", input: [], field: "", reason: /object/ },
    {
      name: "an envelope without id",
      input: withoutField("id"),
      field: "id",
      reason: /^is required$/,
    },
    {
      name: "an id that is not a uuid",
      input: { ...exampleQuiz(), id: "quiz-42" },
      field: "id",
      reason: /uuid/,
    },
    {
      name: "an occurred_at that is not a timestamp",
      input: { ...exampleQuiz(), occurred_at: "yesterday" },
      field: "occurred_at",
      reason: /RFC 3339/,
    },
    {
      name: "an occurred_at on a day that does not exist",
      input: { ...exampleQuiz(), occurred_at: "2023-02-29T12:00:00Z" },
      field: "occurred_at",
      reason: /RFC 3339/,
    },
    {
      name: "an occurred_at without offset",
      input: { ...exampleQuiz(), occurred_at: "2024-05-01T12:00:00" },
      field: "occurred_at",
      reason: /RFC 3339/,
    },
    {
      name: "an envelope without event",
      input: withoutField("event"),
      field: "event",
      reason: /^is required$/,
    },
    {
      name: "an event type that is not a string",
      input: { ...exampleQuiz(), event: { type: 7, payload: {} } },
      field: "event.type",
      reason: /string/,
    },
    {
      name: "a score written as a string",
      input: withPayload({ score: "96" }),
      field: "event.payload.score",
      reason: /number/,
    },
    {
      name: "a score of -1",
      input: withPayload({ score: -1 }),
      field: "event.payload.score",
      reason: /at least 0/,
    },
    {
      name: "a score of 100.5",
      input: withPayload({ score: 100.5 }),
      field: "event.payload.score",
      reason: /at most 100/,
    },
    {
      name: "a null score",
      input: withPayload({ score: null }),
      field: "event.payload.score",
      reason: /number/,
    },
    // JSON cannot carry the next three, but a caller inside the process can.
    {
      name: "a score of Infinity",
      input: withPayload({ score: Number.POSITIVE_INFINITY }),
      field: "event.payload.score",
      reason: /finite/,
    },
    {
      name: "a score of -Infinity",
      input: withPayload({ score: Number.NEGATIVE_INFINITY }),
      field: "event.payload.score",
      reason: /finite/,
    },
    {
      name: "a score of NaN",
      input: withPayload({ score: Number.NaN }),
      field: "event.payload.score",
      reason: /finite/,
    },
    {
      name: "a payload without learner_id",
      input: withoutPayloadField("learner_id"),
      field: "event.payload.learner_id",
      reason: /^is required$/,
    },
    {
      name: "an event without payload",
      input: { ...exampleQuiz(), event: { type: "QuizSubmitted" } },
      field: "event.payload",
      reason: /^is required$/,
    },
    {
      name: "a quiz_id that is not a uuid",
      input: withPayload({ quiz_id: "quiz-1" }),
      field: "event.payload.quiz_id",
      reason: /uuid/,
    },
  ];

  it.each(invalidInputs.map((row) => [row.name, row] as const))(
    "rejects %s as INVALID_EVENT",
    (_name, { input, field, reason }) => {
      const error = rejection(() => decodeEnvelope(input));

      expect(error.code).toBe("INVALID_EVENT");
      expect(error.field).toBe(field);
      expect(error.issues[0]?.reason).toMatch(reason);
      expect(error.message).toContain(error.issues[0]?.reason);
    },
  );

  it("rejects an unknown event type as UNKNOWN_EVENT_TYPE at event.type", () => {
    const error = rejection(() =>
      decodeEnvelope({
        ...exampleQuiz(),
        event: { type: "LessonFinished", payload: {} },
      }),
    );

    expect(error.code).toBe("UNKNOWN_EVENT_TYPE");
    expect(error.field).toBe("event.type");
    expect(error.message).toContain("LessonFinished");
    expect(error.message).toContain("QuizSubmitted");
  });

  it("names every bad field of one payload", () => {
    const error = rejection(() =>
      decodeEnvelope(withPayload({ quiz_id: "x", learner_id: "y", score: -3 })),
    );

    expect(error.issues.map((issue) => issue.field)).toEqual([
      "event.payload.quiz_id",
      "event.payload.learner_id",
      "event.payload.score",
    ]);
  });

  it("decodes what it encodes, through JSON", () => {
    fc.assert(
      fc.property(envelope, (original) => {
        const wire = JSON.parse(JSON.stringify(encodeEnvelope(original)));

        expect(decodeEnvelope(wire)).toEqual(original);
      }),
    );
  });

  it("encodes a decoded wire envelope to a form that decoding keeps", () => {
    fc.assert(
      fc.property(wireEnvelope, (wire) => {
        const first = decodeEnvelope(wire);
        const canonical = encodeEnvelope(first);

        expect(decodeEnvelope(canonical)).toEqual(first);
        expect(encodeEnvelope(decodeEnvelope(canonical))).toEqual(canonical);
      }),
    );
  });
});

describe("decodeEvent", () => {
  const quiz = {
    type: "QuizSubmitted",
    payload: { quiz_id: quizId, learner_id: learnerId, score: 100 },
  };

  it("decodes a stored {type, payload} object", () => {
    expect(decodeEvent(quiz)).toEqual({
      type: "QuizSubmitted",
      payload: { quizId, learnerId, score: 100 },
    });
  });

  it.each([
    ["payload.score", "without a prefix", undefined],
    ["payload.payload.score", "under the prefix payload", "payload"],
    ["body.event.payload.score", "under the prefix body.event", "body.event"],
  ])("names the field %s of a bad score %s", (field, _label, prefix) => {
    const bad = { ...quiz, payload: { ...quiz.payload, score: "100" } };

    const error = rejection(() => decodeEvent(bad, prefix));

    expect(error.code).toBe("INVALID_EVENT");
    expect(error.field).toBe(field);
  });

  it.each([
    ["type", "without a prefix", undefined],
    ["payload.type", "under the prefix payload", "payload"],
  ])("names the field %s of an unknown type %s", (field, _label, prefix) => {
    const error = rejection(() => decodeEvent({ type: "Nope" }, prefix));

    expect(error.code).toBe("UNKNOWN_EVENT_TYPE");
    expect(error.field).toBe(field);
  });

  it("rejects null as INVALID_EVENT: it is no event object at all", () => {
    const error = rejection(() => decodeEvent(null));

    expect(error.code).toBe("INVALID_EVENT");
    expect(error.issues[0]?.reason).toBe(
      "must be an object with type and payload",
    );
  });

  it("encodes a domain event back to the stored snake_case form", () => {
    const decoded = decodeEvent(quiz);

    expect(encodeEvent(decoded)).toEqual(quiz);
  });
});
