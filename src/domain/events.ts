/**
 * The domain events of EduPulse Live that this service reads or writes, as
 * one discriminated union keyed by a typed map from event type to payload.
 */

export interface QuizSubmitted {
  quizId: string;
  learnerId: string;
  /** Percentage in 0..100. */
  score: number;
}

export interface BadgeAwarded {
  badgeId: string;
  learnerId: string;
  awardedAt: Date;
  reason: string;
}

/** A holding withdrawn; the badge's earlier BadgeAwarded stays in the store. */
export interface BadgeRevoked {
  badgeId: string;
  learnerId: string;
  revokedAt: Date;
  reason: string;
}

export interface EventPayloads {
  QuizSubmitted: QuizSubmitted;
  BadgeAwarded: BadgeAwarded;
  BadgeRevoked: BadgeRevoked;
}

export type EventType = keyof EventPayloads;

export const eventTypes = [
  "QuizSubmitted",
  "BadgeAwarded",
  "BadgeRevoked",
] as const satisfies readonly EventType[];

/** Events this service writes itself, as the consequence of others. */
export const followUpTypes = [
  "BadgeAwarded",
  "BadgeRevoked",
] as const satisfies readonly EventType[];

export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: { type: K; payload: EventPayloads[K] };
}[T];

/** An event with the identity and time it carries on the wire. */
export interface Envelope<T extends EventType = EventType> {
  id: string;
  occurredAt: Date;
  event: DomainEvent<T>;
}

export function isEventOfType<T extends EventType>(
  envelope: Envelope,
  type: T,
): envelope is Envelope<T> {
  return envelope.event.type === type;
}
