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
      { kind: "score", operator: ">=", value: 80, quiz: "q-1" },
      "Score 80 or more on quiz q-1.",
    ],
    [
      { kind: "score", operator: ">=", value: 70, course: "c-9" },
      "Score 70 or more on a quiz of course c-9.",
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

  it("falls back to the badge's criteria text for a rule kind it does not know", () => {
    const badge = withRule(
      { kind: "streak", event: "QuizSubmitted", length: 5 },
      { criteria: "Submit five quizzes in a row." },
    );
    expect(criteriaNarrative(badge)).toBe("Submit five quizzes in a row.");
  });

  it("takes a criteria object's narrative", () => {
    const badge = withRule(
      { kind: "first", event: "QuizSubmitted" },
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
