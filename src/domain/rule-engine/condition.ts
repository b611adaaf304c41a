/** Evaluates the conditions of a rule against an event's fields. */
import type { Comparison, Condition } from "./rule.js";

const compare: Record<
  Comparison,
  (actual: number, expected: number) => boolean
> = {
  ">=": (a, e) => a >= e,
  ">": (a, e) => a > e,
  "==": (a, e) => a === e,
  "<=": (a, e) => a <= e,
  "<": (a, e) => a < e,
};

export function conditionHolds(
  condition: Condition,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  const actual = fields[condition.field];
  if (typeof condition.value === "string") {
    return (
      condition.operator === "==" && actual === condition.value.toLowerCase()
    );
  }
  return (
    typeof actual === "number" &&
    compare[condition.operator](actual, condition.value)
  );
}

export function allHold(
  conditions: readonly Condition[] | undefined,
  fields: Readonly<Record<string, unknown>>,
): boolean {
  return (conditions ?? []).every((condition) =>
    conditionHolds(condition, fields),
  );
}
