/**
 * The criteria narrative of a badge, written from its rule so that what a
 * credential says a learner did and what the service checked cannot drift
 * apart. Rules of a kind this does not know fall back to the badge's own
 * criteria text, then to its reason.
 */
import type { Badge } from "../domain/catalog.js";

type Phrase = (value: number) => string;

const scorePhrases: Record<string, Phrase> = {
  ">=": (value) => `${value} or more`,
  ">": (value) => `more than ${value}`,
  "==": (value) => `exactly ${value}`,
};

export function criteriaNarrative(badge: Badge): string {
  return ruleNarrative(badge.rule) ?? writtenCriteria(badge) ?? badge.reason;
}

export function ruleNarrative(rule: unknown): string | undefined {
  if (!isRecord(rule) || rule.kind !== "score") {
    return undefined;
  }
  const phrase =
    typeof rule.operator === "string" ? scorePhrases[rule.operator] : undefined;
  if (!phrase || typeof rule.value !== "number") {
    return undefined;
  }
  return `Score ${phrase(rule.value)} on ${whichQuiz(rule)}.`;
}

function whichQuiz(rule: Record<string, unknown>): string {
  if (typeof rule.quiz === "string") {
    return `quiz ${rule.quiz}`;
  }
  if (typeof rule.course === "string") {
    return `a quiz of course ${rule.course}`;
  }
  return "a quiz";
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
