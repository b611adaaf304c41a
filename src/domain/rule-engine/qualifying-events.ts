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

/** The corrected submission is judged again as if it had been sent so. */
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
  const times = Object.values(state.hits)
    .map((hit) => hit.at)
    .sort((a, b) => a - b);
  if (qualifier.withinDays === undefined) {
    return times.length >= qualifier.atLeast;
  }
  const span = qualifier.withinDays * dayMs;
  for (
    let first = 0;
    first + qualifier.atLeast - 1 < times.length;
    first += 1
  ) {
    const last =
      times[first + qualifier.atLeast - 1] ?? Number.POSITIVE_INFINITY;
    if (last - (times[first] ?? 0) <= span) {
      return true;
    }
  }
  return false;
}

export function qualifyingEvidence(state: QualifyingState): Evidence[] {
  return Object.entries(state.hits)
    .sort(([, a], [, b]) => a.at - b.at)
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
