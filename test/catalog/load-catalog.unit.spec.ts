import { describe, expect, it } from "vitest";
import {
  CatalogError,
  loadCatalog,
  parseCatalog,
} from "../../src/catalog/load-catalog.js";

const goodBadge = `
  - id: 3a1d6f0e-5b2c-4e8a-9f47-1c2d3e4f5a05
    name: First Steps
    description: The first lesson completed.
    criteria: Complete a lesson.
    rule: { kind: first, event: LessonCompleted }`;

function problemsOf(text: string, file = "badges.yaml"): string {
  try {
    parseCatalog(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).message;
  }
  throw new Error("the catalog was accepted");
}

const badge = (name: string, rest: string) => `
  - id: 3a1d6f0e-5b2c-4e8a-9f47-1c2d3e4f5a99
    name: ${name}
    description: A badge.
    criteria: Do it.
${rest}`;

describe("catalog loading", () => {
  it("loads the example catalog with every rule kind", async () => {
    const catalog = await loadCatalog("catalog.example.yaml");

    expect(catalog.map((b) => b.rule.kind).sort()).toEqual(
      [
        "allOf",
        "anyOf",
        "badges",
        "count",
        "count",
        "count",
        "dailyStreak",
        "first",
        "score",
        "score",
        "streak",
      ].sort(),
    );
    expect(catalog[0]).toMatchObject({
      name: "Quiz Master",
      reason: "Scored 90% or above on a quiz.",
      version: 1,
    });
  });

  it("uses the criteria as the award reason when none is given, and defaults version and policy", () => {
    const [only] = parseCatalog(`badges:${goodBadge}`, "one.yaml");

    expect(only).toMatchObject({
      reason: "Complete a lesson.",
      version: 1,
      revocation: "never",
    });
  });

  it.each([
    ["YAML that does not parse", "badges: [", /is not valid YAML/],
    ["no badges list", "title: nothing", /badges: is required/],
    [
      "a badge without a rule",
      `badges:${badge("Ruleless", "")}`,
      /badge "Ruleless" \(badges\[0\]\): rule: /,
    ],
    [
      "an unknown rule kind",
      `badges:${badge("Odd", "    rule: { kind: luck }")}`,
      /badge "Odd" \(badges\[0\]\): rule\.kind: must have a kind/,
    ],
    [
      "an event type that does not exist",
      `badges:${badge("Ghost", "    rule: { kind: first, event: LessonStarted }")}`,
      /badge "Ghost" \(badges\[0\]\): rule\.event: must be one of QuizSubmitted/,
    ],
    [
      "a follow-up event as the rule's event",
      `badges:${badge("Echo", "    rule: { kind: first, event: BadgeAwarded }")}`,
      /badge "Echo" \(badges\[0\]\): rule\.event: must be one of/,
    ],
    [
      "a field the event does not have",
      `badges:${badge("Typo", "    rule: { kind: count, event: QuizSubmitted, atLeast: 2, where: [{ field: scor, operator: '>=', value: 80 }] }")}`,
      /badge "Typo" \(badges\[0\]\): rule\.where\[0\]\.field: "scor" is not a field of QuizSubmitted/,
    ],
    [
      "a number compared with a text",
      `badges:${badge("Mixed", "    rule: { kind: count, event: QuizSubmitted, atLeast: 2, where: [{ field: score, operator: '>=', value: high }] }")}`,
      /rule\.where\[0\]\.value: must be a number/,
    ],
    [
      "an id compared with >",
      `badges:${badge("Order", "    rule: { kind: first, event: LessonCompleted, where: [{ field: lesson_id, operator: '>', value: abc }] }")}`,
      /rule\.where\[0\]: lesson_id is an id/,
    ],
    [
      "a badge rule naming an unknown badge",
      `badges:${badge("Lonely", "    rule: { kind: badges, allOf: [0e0e0e0e-0000-4000-8000-000000000000] }")}`,
      /badge "Lonely" \(badges\[0\]\): rule\.allOf\[0\]: names no badge/,
    ],
    [
      "badges that depend on each other",
      `badges:
  - { id: 0a000000-0000-4000-8000-000000000001, name: A, description: a, criteria: a, rule: { kind: badges, allOf: [0a000000-0000-4000-8000-000000000002] } }
  - { id: 0a000000-0000-4000-8000-000000000002, name: B, description: b, criteria: b, rule: { kind: badges, allOf: [0a000000-0000-4000-8000-000000000001] } }`,
      /badge "A" \(badges\[0\]\): rule: depends on itself/,
    ],
    [
      "not outside allOf",
      `badges:${badge("Contrary", "    rule: { kind: not, rule: { kind: first, event: LessonCompleted } }")}`,
      /badge "Contrary" \(badges\[0\]\): rule: not belongs in allOf/,
    ],
    [
      "allOf of nothing but not",
      `badges:${badge("Void", "    rule: { kind: allOf, rules: [{ kind: not, rule: { kind: first, event: LessonCompleted } }] }")}`,
      /rule\.rules: needs a rule besides not/,
    ],
    [
      "a time zone that does not exist",
      `badges:${badge("Nowhere", "    rule: { kind: dailyStreak, event: LessonCompleted, days: 3, timeZone: Mars/Olympus }")}`,
      /rule\.timeZone: must be an IANA time zone/,
    ],
    [
      "a streak of zero",
      `badges:${badge("Zero", "    rule: { kind: streak, event: QuizSubmitted, length: 0 }")}`,
      /rule\.length: must be positive/,
    ],
    [
      "a score above 100",
      `badges:${badge("Impossible", "    rule: { kind: score, operator: '>=', value: 120 }")}`,
      /rule\.value: /,
    ],
    [
      "a badge id that is not a uuid",
      `badges:
  - { id: first-steps, name: First, description: a, criteria: a, rule: { kind: first, event: LessonCompleted } }`,
      /badge "First" \(badges\[0\]\): id: must be a uuid/,
    ],
    [
      "two badges with one id",
      `badges:${goodBadge}${goodBadge}`,
      /badge "First Steps" \(badges\[1\]\): id: repeats the id of badge 0/,
    ],
    [
      "an unknown field on a badge",
      `badges:${badge("Extra", "    colour: gold\n    rule: { kind: first, event: LessonCompleted }")}`,
      /badge "Extra" \(badges\[0\]\): .*colour/,
    ],
    [
      "a revocation policy that does not exist",
      `badges:${badge("Sticky", "    revocation: sometimes\n    rule: { kind: first, event: LessonCompleted }")}`,
      /badge "Sticky" \(badges\[0\]\): revocation: /,
    ],
  ])(
    "refuses %s, naming the file, the badge and the field",
    (_case, text, message) => {
      const problems = problemsOf(text);

      expect(problems).toMatch(/^badges\.yaml is not a valid catalog/);
      expect(problems).toMatch(message);
    },
  );

  it("names a file it cannot read", async () => {
    await expect(loadCatalog("no-such-catalog.yaml")).rejects.toThrow(
      /no-such-catalog\.yaml is not a valid catalog:\n {2}cannot be read/,
    );
  });

  it("reads JSON catalogs too", () => {
    const json = JSON.stringify({
      badges: [
        {
          id: "3a1d6f0e-5b2c-4e8a-9f47-1c2d3e4f5a05",
          name: "J",
          description: "d",
          criteria: "c",
          rule: { kind: "first", event: "LessonCompleted" },
        },
      ],
    });

    expect(parseCatalog(json, "badges.json")).toHaveLength(1);
  });
});
