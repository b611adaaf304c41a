import { describe, expect, it } from "vitest";
import { criteriaNarrative } from "../../src/credentials/criteria-narrative.js";
import { type Badge, defaultCatalog } from "../../src/domain/catalog.js";

const quizMaster = defaultCatalog[0] as Badge;

function withRule(rule: unknown, extra: Record<string, unknown> = {}): Badge {
  return { ...quizMaster, ...extra, rule } as Badge;
}

describe("the criteria narrative of a badge", () => {
  it.each([
    [
      { kind: "score", operator: ">=", value: 90 },
      "Score 90 or more on a quiz.",
    ],
    [
      { kind: "score", operator: ">", value: 50 },
      "Score more than 50 on a quiz.",
    ],
    [
      { kind: "score", operator: "==", value: 100 },
      "Score exactly 100 on a quiz.",
    ],
    [
      {
        kind: "score",
        operator: ">=",
        value: 80,
        quiz: "0a1b2c3d-0000-4000-8000-00000000000a",
      },
      "Score 80 or more on quiz 0a1b2c3d-0000-4000-8000-00000000000a.",
    ],
    [
      {
        kind: "score",
        operator: ">=",
        value: 70,
        course: "0a1b2c3d-0000-4000-8000-00000000000c",
      },
      "Score 70 or more on a quiz of course 0a1b2c3d-0000-4000-8000-00000000000c.",
    ],
    [
      {
        kind: "count",
        event: "QuizSubmitted",
        where: [{ field: "score", operator: ">=", value: 80 }],
        atLeast: 10,
      },
      "10 quizzes submitted with score 80 or more.",
    ],
    [
      { kind: "count", event: "LessonCompleted", atLeast: 5, withinDays: 2 },
      "5 lessons completed within 2 days.",
    ],
    [{ kind: "first", event: "LessonCompleted" }, "Complete a lesson."],
    [
      { kind: "streak", event: "QuizSubmitted", length: 5 },
      "5 quizzes submitted in a row.",
    ],
    [
      {
        kind: "dailyStreak",
        event: "LessonCompleted",
        days: 7,
        timeZone: "Europe/Berlin",
      },
      "Complete a lesson on 7 days in a row (Europe/Berlin time).",
    ],
    [
      {
        kind: "allOf",
        rules: [
          { kind: "first", event: "LessonCompleted" },
          { kind: "not", rule: { kind: "first", event: "AnswerAccepted" } },
        ],
      },
      "Complete a lesson, and never have an answer accepted.",
    ],
    [
      {
        kind: "badges",
        allOf: ["11111111-1111-1111-1111-111111111111"],
      },
      "Hold 11111111-1111-1111-1111-111111111111.",
    ],
  ])("is written from the rule %j", (rule, narrative) => {
    expect(criteriaNarrative(withRule(rule))).toBe(narrative);
  });

  it("follows the rule, not the badge's own criteria text", () => {
    const badge = withRule(
      { kind: "score", operator: ">=", value: 75 },
      { criteria: "Score 90% or more on any quiz." },
    );
    expect(criteriaNarrative(badge)).toBe("Score 75 or more on a quiz.");
  });

  it("falls back to the badge's criteria text for a rule it cannot read", () => {
    const badge = withRule(
      { kind: "streak", event: "QuizSubmitted", length: "five" },
      { criteria: "Submit five quizzes in a row." },
    );
    expect(criteriaNarrative(badge)).toBe("Submit five quizzes in a row.");
  });

  it("names the badges a badge of badges needs", () => {
    const badge = withRule({
      kind: "badges",
      allOf: ["11111111-1111-1111-1111-111111111111"],
    });
    expect(criteriaNarrative(badge, () => "Quiz Master")).toBe(
      "Hold Quiz Master.",
    );
  });

  it("takes a criteria object's narrative", () => {
    const badge = withRule(
      { kind: "unknown" },
      { criteria: { narrative: "Submit a first quiz." } },
    );
    expect(criteriaNarrative(badge)).toBe("Submit a first quiz.");
  });

  it.each([
    [{ kind: "score", operator: "<", value: 10 }],
    [{ kind: "score", operator: ">=", value: "ninety" }],
    [{ kind: "nothing-known" }],
    [null],
  ])("falls back to the reason when neither rule %j nor text helps", (rule) => {
    const badge = withRule(rule, { criteria: undefined });
    expect(criteriaNarrative(badge)).toBe(quizMaster.reason);
  });
});
