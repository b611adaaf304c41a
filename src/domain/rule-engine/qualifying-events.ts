/**
 * Score, count and first-time rules: the learner's events that qualify,
 * kept by id so that a corrected quiz score can move a submission in or out.
 */
import type { EventType } from "../events.js";
import { allHold } from "./condition.js";
import type { Fact } from "./fact.js";
import type { Condition, CountRule, FirstRule, ScoreRule } from "./rule.js";

export interface Hit {
  at: number;
  value?: number;
}

export interface QualifyingState {
  hits: Record<string, Hit>;
}

interface Qualifier {
  event: EventType;
  where: Condition[];
  atLeast: number;
  withinDays?: number;
}

const dayMs = 24 * 60 * 60 * 1000;

export function qualifierOf(
  rule: ScoreRule | CountRule | FirstRule,
): Qualifier {
  switch (rule.kind) {
    case "score":
      return {
        event: "QuizSubmitted",
        where: [
          { field: "score", operator: rule.operator, value: rule.value },
          ...(rule.quiz
            ? [{ field: "quiz_id", operator: "==" as const, value: rule.quiz }]
            : []),
          ...(rule.course
            ? [
                {
                  field: "course_id",
                  operator: "==" as const,
                  value: rule.course,
                },
              ]
            : []),
        ],
        atLeast: 1,
      };
    case "first":
      return { event: rule.event, where: rule.where ?? [], atLeast: 1 };
    case "count":
      return {
        event: rule.event,
        where: rule.where ?? [],
        atLeast: rule.atLeast,
        ...(rule.withinDays ? { withinDays: rule.withinDays } : {}),
      };
  }
}

export const emptyQualifying = (): QualifyingState => ({ hits: {} });

export function stepQualifying(
  qualifier: Qualifier,
  state: QualifyingState,
  fact: Fact,
): QualifyingState {
  if (fact.type === qualifier.event && allHold(qualifier.where, fact.fields)) {
    return withHit(state, fact.id, hitOf(fact, fact.occurredAt.getTime()));
  }
  if (
    qualifier.event === "QuizSubmitted" &&
    fact.type === "QuizScoreCorrected"
  ) {
    return corrected(qualifier, state, fact);
  }
  return state;
}

/**
 * The corrected submission is judged again with its new score. One that
 * qualified keeps its time; one raised into qualifying counts from the
 * correction's time, since the correction does not carry the submission's.
 */
function corrected(
  qualifier: Qualifier,
  state: QualifyingState,
  fact: Fact,
): QualifyingState {
  const submission = String(fact.fields.submission_id);
  const earlier = state.hits[submission];
  if (allHold(qualifier.where, fact.fields)) {
    return withHit(
      state,
      submission,
      hitOf(fact, earlier?.at ?? fact.occurredAt.getTime()),
    );
  }
  if (!earlier) {
    return state;
  }
  const { [submission]: _dropped, ...rest } = state.hits;
  return { hits: rest };
}

function hitOf(fact: Fact, at: number): Hit {
  const score = fact.fields.score;
  return typeof score === "number" ? { at, value: score } : { at };
}

function withHit(
  state: QualifyingState,
  id: string,
  hit: Hit,
): QualifyingState {
  return { hits: { ...state.hits, [id]: hit } };
}

export function qualifyingHolds(
  qualifier: Qualifier,
  state: QualifyingState,
): boolean {
  return satisfyingHits(qualifier, state) !== undefined;
}

/** The first `atLeast` hits in time that satisfy the rule, inside one window if it has one. */
function satisfyingHits(
  qualifier: Qualifier,
  state: QualifyingState,
): [string, Hit][] | undefined {
  const hits = Object.entries(state.hits).sort(([, a], [, b]) => a.at - b.at);
  const span = (qualifier.withinDays ?? Number.POSITIVE_INFINITY) * dayMs;
  for (let first = 0; first + qualifier.atLeast <= hits.length; first += 1) {
    const chosen = hits.slice(first, first + qualifier.atLeast);
    const start = chosen[0]?.[1].at ?? 0;
    const end = chosen.at(-1)?.[1].at ?? 0;
    if (end - start <= span) {
      return chosen;
    }
  }
  return undefined;
}

export function qualifyingEvidence(
  qualifier: Qualifier,
  state: QualifyingState,
): Evidence[] {
  return (satisfyingHits(qualifier, state) ?? [])
    .slice(0, evidenceLimit)
    .map(([eventId, hit]) =>
      hit.value === undefined ? { eventId } : { eventId, value: hit.value },
    );
}

export interface Evidence {
  eventId: string;
  value?: number | string;
}

/** Provenance names the first events that satisfied a rule, not all of them. */
export const evidenceLimit = 20;
