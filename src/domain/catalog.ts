/**
 * The badge catalog: badges as data, each with the rule that earns it and
 * what happens when the rule stops holding. The two badges of the original
 * service are the built-in default and keep their ids and reasons.
 */
import type { Rule } from "./rule-engine/rule.js";

/**
 * - `never`: once awarded, kept for good;
 * - `revoke`: withdrawn when the rule stops holding, not awarded again;
 * - `revoke-and-reaward`: withdrawn, and awarded again if it holds again.
 */
export type RevocationPolicy = "never" | "revoke" | "revoke-and-reaward";

export interface Badge {
  id: string;
  name: string;
  description: string;
  /** What a learner has to do, in words. */
  criteria: string;
  /** Text stored with each award and carried by its BadgeAwarded event. */
  reason: string;
  image?: string;
  /** Raised when the rule changes; progress kept for an older version is reset. */
  version: number;
  revocation: RevocationPolicy;
  rule: Rule;
}

export type Catalog = readonly Badge[];

export const defaultCatalog: Catalog = [
  {
    id: "11111111-1111-1111-1111-111111111111",
    name: "Quiz Master",
    description: "Awarded for an excellent quiz result.",
    criteria: "Score 90% or more on any quiz.",
    reason: "Scored 90% or above on a quiz.",
    version: 1,
    revocation: "never",
    rule: { kind: "score", operator: ">=", value: 90 },
  },
  {
    id: "22222222-2222-2222-2222-222222222222",
    name: "Perfect Score",
    description: "Awarded for a flawless quiz.",
    criteria: "Score 100% on any quiz.",
    reason: "Perfect quiz score!",
    version: 1,
    revocation: "never",
    rule: { kind: "score", operator: "==", value: 100 },
  },
];
