/**
 * One entry point per question a rule answers: its state before any event,
 * its state after an event, whether it holds, and the events behind it.
 * States are plain JSON so they can be kept in the database between batches.
 */
import {
  type DailyStreakState,
  dailyStreakEvidence,
  dailyStreakHolds,
  emptyDailyStreak,
  stepDailyStreak,
} from "./daily-streak.js";
import type { Fact } from "./fact.js";
import {
  type Evidence,
  emptyQualifying,
  type QualifyingState,
  qualifierOf,
  qualifyingEvidence,
  qualifyingHolds,
  stepQualifying,
} from "./qualifying-events.js";
import type { Rule } from "./rule.js";
import {
  emptyStreak,
  type StreakState,
  stepStreak,
  streakEvidence,
  streakHolds,
} from "./streak.js";

export type RuleState =
  | QualifyingState
  | StreakState
  | DailyStreakState
  | { children: RuleState[] }
  | { child: RuleState }
  | Record<string, never>;

/** Whether the learner holds a badge now, for rules about badges. */
export type Holdings = (badgeId: string) => boolean;

export function initialState(rule: Rule): RuleState {
  switch (rule.kind) {
    case "score":
    case "count":
    case "first":
      return emptyQualifying();
    case "streak":
      return emptyStreak();
    case "dailyStreak":
      return emptyDailyStreak();
    case "allOf":
    case "anyOf":
      return { children: rule.rules.map(initialState) };
    case "not":
      return { child: initialState(rule.rule) };
    case "badges":
      return {};
  }
}

export function step(rule: Rule, state: RuleState, fact: Fact): RuleState {
  switch (rule.kind) {
    case "score":
    case "count":
    case "first":
      return stepQualifying(qualifierOf(rule), state as QualifyingState, fact);
    case "streak":
      return stepStreak(rule, state as StreakState, fact);
    case "dailyStreak":
      return stepDailyStreak(rule, state as DailyStreakState, fact);
    case "allOf":
    case "anyOf":
      return { children: stepChildren(rule.rules, state, fact) };
    case "not":
      return { child: step(rule.rule, childOf(state, rule.rule), fact) };
    case "badges":
      return state;
  }
}

export function holds(
  rule: Rule,
  state: RuleState,
  holdings: Holdings,
): boolean {
  switch (rule.kind) {
    case "score":
    case "count":
    case "first":
      return qualifyingHolds(qualifierOf(rule), state as QualifyingState);
    case "streak":
      return streakHolds(state as StreakState);
    case "dailyStreak":
      return dailyStreakHolds(rule, state as DailyStreakState);
    case "allOf":
      return rule.rules.every((child, i) =>
        holds(child, childrenOf(state, rule.rules)[i] ?? {}, holdings),
      );
    case "anyOf":
      return rule.rules.some((child, i) =>
        holds(child, childrenOf(state, rule.rules)[i] ?? {}, holdings),
      );
    case "not":
      return !holds(rule.rule, childOf(state, rule.rule), holdings);
    case "badges":
      return rule.allOf.every(holdings);
  }
}

/** The events (and values) that satisfy the rule, for provenance. */
export function evidence(
  rule: Rule,
  state: RuleState,
  holdings: Holdings,
): Evidence[] {
  switch (rule.kind) {
    case "score":
    case "count":
    case "first":
      return qualifyingEvidence(qualifierOf(rule), state as QualifyingState);
    case "streak":
      return streakEvidence(state as StreakState);
    case "dailyStreak":
      return dailyStreakEvidence(rule, state as DailyStreakState);
    case "allOf":
    case "anyOf":
      return rule.rules.flatMap((child, i) => {
        const childState = childrenOf(state, rule.rules)[i] ?? {};
        return holds(child, childState, holdings)
          ? evidence(child, childState, holdings)
          : [];
      });
    case "not":
      return [];
    case "badges":
      return rule.allOf.map((badgeId) => ({
        eventId: "",
        value: `holds ${badgeId}`,
      }));
  }
}

function stepChildren(
  rules: readonly Rule[],
  state: RuleState,
  fact: Fact,
): RuleState[] {
  const children = childrenOf(state, rules);
  return rules.map((child, i) =>
    step(child, children[i] ?? initialState(child), fact),
  );
}

function childrenOf(state: RuleState, rules: readonly Rule[]): RuleState[] {
  return "children" in state ? state.children : rules.map(initialState);
}

function childOf(state: RuleState, rule: Rule): RuleState {
  return "child" in state ? state.child : initialState(rule);
}
