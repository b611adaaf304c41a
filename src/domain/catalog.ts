/**
 * The badge catalog: badges as data, each with the rule that earns it.
 * The two badges of the original service keep their ids and reasons.
 */
import type { ScoreRule } from "./rules.js";

export interface Badge {
  id: string;
  name: string;
  /** Text stored with each award and carried by its BadgeAwarded event. */
  reason: string;
  rule: ScoreRule;
}

export type Catalog = readonly Badge[];

export const defaultCatalog: Catalog = [
  {
    id: "11111111-1111-1111-1111-111111111111",
    name: "Quiz Master",
    reason: "Scored 90% or above on a quiz.",
    rule: { kind: "score", operator: ">=", value: 90 },
  },
  {
    id: "22222222-2222-2222-2222-222222222222",
    name: "Perfect Score",
    reason: "Perfect quiz score!",
    rule: { kind: "score", operator: "==", value: 100 },
  },
];
