/**
 * The rule language of the badge catalog: typed, composable rules over the
 * learner's own events. Field names are the wire names of the payload.
 */
import type { EventType } from "../events.js";

export type Comparison = ">=" | ">" | "==" | "<=" | "<";

/** A test on one payload field: numbers compare, ids match with "==". */
export interface Condition {
  field: string;
  operator: Comparison;
  value: number | string;
}

/** A score of a quiz (optionally one quiz or one course) that passes a threshold. */
export interface ScoreRule {
  kind: "score";
  operator: ">=" | ">" | "==";
  value: number;
  quiz?: string;
  course?: string;
}

/** At least `atLeast` events that meet the conditions, optionally within `withinDays`. */
export interface CountRule {
  kind: "count";
  event: EventType;
  where?: Condition[];
  atLeast: number;
  withinDays?: number;
}

/** The first event of a kind (that meets the conditions). */
export interface FirstRule {
  kind: "first";
  event: EventType;
  where?: Condition[];
}

/** `length` events of a kind in a row, each meeting the conditions. */
export interface StreakRule {
  kind: "streak";
  event: EventType;
  where?: Condition[];
  length: number;
}

/** Events of a kind on `days` consecutive calendar days in a time zone. */
export interface DailyStreakRule {
  kind: "dailyStreak";
  event: EventType;
  where?: Condition[];
  days: number;
  timeZone: string;
}

export interface AllOfRule {
  kind: "allOf";
  rules: Rule[];
}

export interface AnyOfRule {
  kind: "anyOf";
  rules: Rule[];
}

/** Holds while the inner rule does not; only meaningful beside others in allOf. */
export interface NotRule {
  kind: "not";
  rule: Rule;
}

/** Holds while the learner holds every badge listed. */
export interface BadgesRule {
  kind: "badges";
  allOf: string[];
}

export type Rule =
  | ScoreRule
  | CountRule
  | FirstRule
  | StreakRule
  | DailyStreakRule
  | AllOfRule
  | AnyOfRule
  | NotRule
  | BadgesRule;
