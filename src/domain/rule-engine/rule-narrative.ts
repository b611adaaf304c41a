/**
 * A rule in words, written from the rule itself, so that what a badge says
 * a learner did and what the service checks cannot drift apart.
 */
import type { Condition, Rule } from "./rule.js";

const comparisons: Record<Condition["operator"], string> = {
  ">=": "or more",
  ">": "more than",
  "==": "exactly",
  "<=": "or less",
  "<": "less than",
};

const happenings: Record<string, [one: string, many: string]> = {
  QuizSubmitted: ["submit a quiz", "quizzes submitted"],
  QuizScoreCorrected: ["have a quiz score corrected", "corrected quiz scores"],
  LessonCompleted: ["complete a lesson", "lessons completed"],
  AnswerAccepted: ["have an answer accepted", "answers accepted"],
};

/** `nameOf` turns badge ids into names for rules about badges. */
export function describeRule(
  rule: Rule,
  nameOf: (badgeId: string) => string = (id) => id,
): string {
  switch (rule.kind) {
    case "score":
      return `score ${amount(rule.operator, rule.value)} on ${quizScope(rule)}`;
    case "count":
      return `${rule.atLeast} ${plural(rule.event)}${where(rule.where)}${rule.withinDays ? ` within ${rule.withinDays} days` : ""}`;
    case "first":
      return `${singular(rule.event)}${where(rule.where)}`;
    case "streak":
      return `${rule.length} ${plural(rule.event)} in a row${where(rule.where)}`;
    case "dailyStreak":
      return `${singular(rule.event)}${where(rule.where)} on ${rule.days} days in a row (${rule.timeZone} time)`;
    case "allOf":
      return rule.rules
        .map((child) => describeRule(child, nameOf))
        .join(", and ");
    case "anyOf":
      return `either ${rule.rules.map((child) => describeRule(child, nameOf)).join(", or ")}`;
    case "not":
      return `never ${describeRule(rule.rule, nameOf)}`;
    case "badges":
      return `hold ${rule.allOf.map(nameOf).join(" and ")}`;
  }
}

/** The rule as a sentence: capitalised, with a full stop. */
export function ruleSentence(
  rule: Rule,
  nameOf?: (badgeId: string) => string,
): string {
  const text = describeRule(rule, nameOf);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function amount(
  operator: Condition["operator"],
  value: number | string,
): string {
  const words = comparisons[operator];
  return operator === ">=" || operator === "<="
    ? `${value} ${words}`
    : `${words} ${value}`;
}

function quizScope(rule: { quiz?: string; course?: string }): string {
  if (rule.quiz) {
    return `quiz ${rule.quiz}`;
  }
  return rule.course ? `a quiz of course ${rule.course}` : "a quiz";
}

function where(conditions: readonly Condition[] | undefined): string {
  if (!conditions || conditions.length === 0) {
    return "";
  }
  const parts = conditions.map((c) =>
    typeof c.value === "number"
      ? `${c.field} ${amount(c.operator, c.value)}`
      : `${c.field} ${c.value}`,
  );
  return ` with ${parts.join(" and ")}`;
}

function singular(event: string): string {
  return happenings[event]?.[0] ?? `record a ${event}`;
}

function plural(event: string): string {
  return happenings[event]?.[1] ?? `${event} events`;
}
