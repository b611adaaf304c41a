/**
 * The criteria narrative of a badge, written from its rule so that what a
 * credential says a learner did and what the service checked cannot drift
 * apart. A rule the service could not evaluate falls back to the badge's
 * own criteria text, then to its reason.
 */
import type { Badge } from "../domain/catalog.js";
import { ruleSchema } from "../domain/catalog-schema.js";
import { ruleSentence } from "../domain/rule-engine/rule-narrative.js";

const ruleKinds = new Set([
  "score",
  "count",
  "first",
  "streak",
  "dailyStreak",
  "allOf",
  "anyOf",
  "not",
  "badges",
]);

export function criteriaNarrative(
  badge: Badge,
  nameOf?: (badgeId: string) => string,
): string {
  return (
    ruleNarrative(badge.rule, nameOf) ?? writtenCriteria(badge) ?? badge.reason
  );
}

/** Undefined for a rule this service cannot evaluate either. */
export function ruleNarrative(
  rule: unknown,
  nameOf?: (badgeId: string) => string,
): string | undefined {
  if (!isRecord(rule) || !ruleKinds.has(String(rule.kind))) {
    return undefined;
  }
  const parsed = ruleSchema.safeParse(rule);
  return parsed.success ? ruleSentence(parsed.data, nameOf) : undefined;
}

/** `criteria` as text, or as an object with a narrative, when a catalog has one. */
function writtenCriteria(badge: Badge): string | undefined {
  const criteria = (badge as { criteria?: unknown }).criteria;
  if (typeof criteria === "string" && criteria) {
    return criteria;
  }
  if (isRecord(criteria) && typeof criteria.narrative === "string") {
    return criteria.narrative || undefined;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
