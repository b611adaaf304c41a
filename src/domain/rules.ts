/**
 * Badge rules and their evaluation. Every badge is evaluated on its own, so
 * one submission can earn several badges at once.
 */
import type { Badge, Catalog } from "./catalog.js";
import type { QuizSubmitted } from "./events.js";

export type ScoreOperator = ">=" | ">" | "==";

export interface ScoreRule {
  kind: "score";
  operator: ScoreOperator;
  value: number;
}

const compare: Record<
  ScoreOperator,
  (score: number, value: number) => boolean
> = {
  ">=": (score, value) => score >= value,
  ">": (score, value) => score > value,
  "==": (score, value) => score === value,
};

export function ruleHolds(rule: ScoreRule, quiz: QuizSubmitted): boolean {
  return compare[rule.operator](quiz.score, rule.value);
}

export function badgesEarned(catalog: Catalog, quiz: QuizSubmitted): Badge[] {
  return catalog.filter((badge) => ruleHolds(badge.rule, quiz));
}
