/** fast-check arbitraries for valid domain envelopes and their wire form. */
import fc from "fast-check";
import type {
  BadgeAwarded,
  DomainEvent,
  Envelope,
  QuizSubmitted,
} from "../../src/domain/events.js";
import type { WireEnvelope } from "../../src/domain/wire-schema.js";

/** Lower-case, as the codec hands ids back. */
export const uuid = fc.uuid();

/** Millisecond instants whose ISO form has a four-digit year. */
export const instant = fc.date({
  min: new Date("1970-01-01T00:00:00.000Z"),
  max: new Date("2999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

/** Any valid percentage; -0 is left out because JSON cannot carry it. */
export const score = fc.double({ min: 0, max: 100, noNaN: true });

export const quizSubmitted: fc.Arbitrary<QuizSubmitted> = fc.record({
  quizId: uuid,
  learnerId: uuid,
  score,
});

export const badgeAwarded: fc.Arbitrary<BadgeAwarded> = fc.record({
  badgeId: uuid,
  learnerId: uuid,
  awardedAt: instant,
  reason: fc.string({ minLength: 1 }),
});

export const domainEvent: fc.Arbitrary<DomainEvent> = fc.oneof(
  quizSubmitted.map(
    (payload): DomainEvent => ({ type: "QuizSubmitted", payload }),
  ),
  badgeAwarded.map(
    (payload): DomainEvent => ({ type: "BadgeAwarded", payload }),
  ),
);

export const envelope: fc.Arbitrary<Envelope> = fc.record({
  id: uuid,
  occurredAt: instant,
  event: domainEvent,
});

/** An id as another service may write it: any letter case. */
const wireId = fc
  .tuple(uuid, fc.boolean())
  .map(([id, upper]) => (upper ? id.toUpperCase() : id));

/**
 * An instant written as RFC 3339 with a UTC offset and up to nine fraction
 * digits, the way other services (Rust chrono among them) write timestamps.
 */
const wireTimestamp = fc
  .tuple(
    instant,
    fc.integer({ min: -12 * 60, max: 14 * 60 }),
    fc.stringMatching(/^\d{0,6}$/),
  )
  .map(([at, offsetMinutes, extraDigits]) => {
    const local = new Date(at.getTime() + offsetMinutes * 60_000)
      .toISOString()
      .slice(0, -1);
    const sign = offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(offsetMinutes);
    const hh = String(Math.floor(abs / 60)).padStart(2, "0");
    const mm = String(abs % 60).padStart(2, "0");
    return `${local}${extraDigits}${sign}${hh}:${mm}`;
  });

export const wireEnvelope: fc.Arbitrary<WireEnvelope> = fc.record({
  id: wireId,
  occurred_at: wireTimestamp,
  event: fc.oneof(
    fc.record({
      type: fc.constant("QuizSubmitted"),
      payload: fc.record({
        quiz_id: wireId,
        learner_id: wireId,
        score,
      }),
    }),
    fc.record({
      type: fc.constant("BadgeAwarded"),
      payload: fc.record({
        badge_id: wireId,
        learner_id: wireId,
        awarded_at: wireTimestamp,
        reason: fc.string({ minLength: 1 }),
      }),
    }),
  ),
});
