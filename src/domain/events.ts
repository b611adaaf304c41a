/**
 * The domain events of EduPulse Live that this service reads or writes, as
 * one discriminated union keyed by a typed map from event type to payload.
 */

export interface QuizSubmitted {
  quizId: string;
  learnerId: string;
  /** Percentage in 0..100. */
  score: number;
  courseId?: string;
}

/** A score fixed after the fact; it replaces the score of one submission. */
export interface QuizScoreCorrected {
  /** Id of the QuizSubmitted event whose score is corrected. */
  submissionId: string;
  quizId: string;
  learnerId: string;
  score: number;
  courseId?: string;
}

export interface LessonCompleted {
  lessonId: string;
  learnerId: string;
  courseId?: string;
}

/** A learner's answer to a peer's question was accepted by the asker. */
export interface AnswerAccepted {
  answerId: string;
  questionId: string;
  /** The learner who wrote the answer. */
  learnerId: string;
  acceptedBy: string;
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
  QuizScoreCorrected: QuizScoreCorrected;
  LessonCompleted: LessonCompleted;
  AnswerAccepted: AnswerAccepted;
  BadgeAwarded: BadgeAwarded;
  BadgeRevoked: BadgeRevoked;
}

export type EventType = keyof EventPayloads;

export const eventTypes = [
  "QuizSubmitted",
  "QuizScoreCorrected",
  "LessonCompleted",
  "AnswerAccepted",
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
