/**
 * The catalog file's schema: badges and their rules as data, checked first
 * for shape and then for sense: every event type and field a rule names
 * must exist, badge references must resolve without cycles, and `not` must
 * stand beside a rule that can hold on its own.
 */
import { z } from "zod";
import type { Badge } from "./catalog.js";
import { type EventType, eventTypes, followUpTypes } from "./events.js";
import type { Condition, Rule } from "./rule-engine/rule.js";
import { payloadSchemas } from "./wire-schema.js";

const uuid = z
  .guid({ error: "must be a uuid" })
  .transform((v) => v.toLowerCase());
const positive = z
  .number()
  .int({ error: "must be a whole number" })
  .positive({ error: "must be positive" });
const ruleEvents = eventTypes.filter(
  (t) => !(followUpTypes as readonly string[]).includes(t),
);
const eventType = z.enum(ruleEvents as [EventType, ...EventType[]], {
  error: `must be one of ${ruleEvents.join(", ")}`,
});

const condition = z.object({
  field: z.string().min(1),
  operator: z.enum([">=", ">", "==", "<=", "<"]),
  value: z.union([z.number(), z.string()]),
});

/** Zod types optional fields as `T | undefined`; Rule, with exact optionals, as `T`. */
export const ruleSchema: z.ZodType<Rule> = z.lazy(
  (): z.ZodType<Rule> =>
    z.discriminatedUnion(
      "kind",
      [
        z.strictObject({
          kind: z.literal("score"),
          operator: z.enum([">=", ">", "=="]),
          value: z.number().min(0).max(100),
          quiz: uuid.optional(),
          course: uuid.optional(),
        }),
        z.strictObject({
          kind: z.literal("count"),
          event: eventType,
          where: z.array(condition).optional(),
          atLeast: positive,
          withinDays: positive.optional(),
        }),
        z.strictObject({
          kind: z.literal("first"),
          event: eventType,
          where: z.array(condition).optional(),
        }),
        z.strictObject({
          kind: z.literal("streak"),
          event: eventType,
          where: z.array(condition).optional(),
          length: positive,
        }),
        z.strictObject({
          kind: z.literal("dailyStreak"),
          event: eventType,
          where: z.array(condition).optional(),
          days: positive,
          timeZone: z.string().refine(isTimeZone, {
            error: "must be an IANA time zone, such as Europe/Berlin",
          }),
        }),
        z.strictObject({
          kind: z.literal("allOf"),
          rules: z.array(ruleSchema).min(1),
        }),
        z.strictObject({
          kind: z.literal("anyOf"),
          rules: z.array(ruleSchema).min(1),
        }),
        z.strictObject({ kind: z.literal("not"), rule: ruleSchema }),
        z.strictObject({
          kind: z.literal("badges"),
          allOf: z.array(uuid).min(1),
        }),
      ],
      {
        error:
          "must have a kind: score, count, first, streak, dailyStreak, allOf, anyOf, not or badges",
      },
    ) as unknown as z.ZodType<Rule>,
);

export const badgeSchema = z.strictObject({
  id: uuid,
  name: z.string().min(1),
  description: z.string().min(1),
  criteria: z.string().min(1),
  reason: z.string().min(1).optional(),
  image: z.url({ error: "must be a URL" }).optional(),
  version: positive.default(1),
  revocation: z
    .enum(["never", "revoke", "revoke-and-reaward"])
    .default("never"),
  rule: ruleSchema,
});

export const catalogSchema = z.strictObject({
  badges: z
    .array(badgeSchema, {
      error: (issue) =>
        issue.input === undefined ? "is required" : "must be a list of badges",
    })
    .min(1, { error: "must list at least one badge" }),
});

export interface CatalogProblem {
  /** Index of the badge in the file. */
  index: number;
  /** JSON path within the badge, e.g. `rule.rules[0].where[0].field`. */
  field: string;
  reason: string;
}

/** Checks what the schema cannot: references between badges and to the event contract. */
export function catalogSenseProblems(
  badges: readonly Badge[],
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const ids = new Map<string, number>();
  badges.forEach((badge, index) => {
    if (!ids.has(badge.id)) {
      ids.set(badge.id, index);
    }
  });
  badges.forEach((badge, index) => {
    if (ids.get(badge.id) !== index) {
      problems.push({
        index,
        field: "id",
        reason: `repeats the id of badge ${ids.get(badge.id)}`,
      });
    }
    checkRule(
      badge.rule,
      "rule",
      false,
      (field, reason) => problems.push({ index, field, reason }),
      ids,
    );
  });
  for (const cycle of badgeCycles(badges)) {
    problems.push({
      index: ids.get(cycle) ?? 0,
      field: "rule",
      reason: "depends on itself through badge rules",
    });
  }
  return problems;
}

type Report = (field: string, reason: string) => void;

function checkRule(
  rule: Rule,
  path: string,
  inAllOf: boolean,
  report: Report,
  ids: Map<string, number>,
): void {
  switch (rule.kind) {
    case "count":
    case "first":
    case "streak":
    case "dailyStreak":
      (rule.where ?? []).forEach((c, i) => {
        checkCondition(rule.event, c, `${path}.where[${i}]`, report);
      });
      return;
    case "allOf":
      rule.rules.forEach((child, i) => {
        checkRule(child, `${path}.rules[${i}]`, true, report, ids);
      });
      if (rule.rules.every((child) => child.kind === "not")) {
        report(
          `${path}.rules`,
          "needs a rule besides not: not alone holds for everyone",
        );
      }
      return;
    case "anyOf":
      rule.rules.forEach((child, i) => {
        checkRule(child, `${path}.rules[${i}]`, false, report, ids);
      });
      return;
    case "not":
      if (!inAllOf) {
        report(
          path,
          "not belongs in allOf, beside a rule that can hold on its own",
        );
      }
      checkRule(rule.rule, `${path}.rule`, false, report, ids);
      return;
    case "badges":
      rule.allOf.forEach((id, i) => {
        if (!ids.has(id)) {
          report(`${path}.allOf[${i}]`, `names no badge of the catalog: ${id}`);
        }
      });
      return;
    case "score":
      return;
  }
}

function checkCondition(
  event: EventType,
  condition: Condition,
  path: string,
  report: Report,
): void {
  const fields = fieldKinds(event);
  const kind = fields[condition.field];
  if (!kind) {
    report(
      `${path}.field`,
      `"${condition.field}" is not a field of ${event}; fields: ${Object.keys(fields).join(", ")}`,
    );
    return;
  }
  if (kind === "number" && typeof condition.value !== "number") {
    report(`${path}.value`, `must be a number: ${condition.field} is a number`);
  }
  if (
    kind === "id" &&
    (typeof condition.value !== "string" || condition.operator !== "==")
  ) {
    report(
      `${path}`,
      `${condition.field} is an id: compare it with == to a string`,
    );
  }
}

/** Payload fields of an event type, as numbers or ids, from its wire schema. */
export function fieldKinds(event: EventType): Record<string, "number" | "id"> {
  const shape = payloadSchemas[event].shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => [
      name,
      isNumber(schema) ? "number" : "id",
    ]),
  );
}

function isNumber(schema: z.ZodType): boolean {
  const inner = schema instanceof z.ZodOptional ? schema.unwrap() : schema;
  return inner instanceof z.ZodNumber;
}

function badgeCycles(badges: readonly Badge[]): string[] {
  const needs = new Map(
    badges.map((badge) => [badge.id, referencedBadges(badge.rule)]),
  );
  const cyclic: string[] = [];
  for (const badge of badges) {
    const seen = new Set<string>();
    const stack = [...(needs.get(badge.id) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() ?? "";
      if (next === badge.id) {
        cyclic.push(badge.id);
        break;
      }
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(...(needs.get(next) ?? []));
      }
    }
  }
  return cyclic;
}

function referencedBadges(rule: Rule): string[] {
  switch (rule.kind) {
    case "badges":
      return rule.allOf;
    case "allOf":
    case "anyOf":
      return rule.rules.flatMap(referencedBadges);
    case "not":
      return referencedBadges(rule.rule);
    default:
      return [];
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
