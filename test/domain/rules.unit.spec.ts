import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../src/domain/catalog.js";
import type { QuizSubmitted } from "../../src/domain/events.js";
import type { ScoreRule } from "../../src/domain/rule-engine/rule.js";
import { badgesEarned, ruleHolds } from "../../src/domain/rules.js";

type ScoreOperator = ScoreRule["operator"];

import { score } from "../support/arbitraries.js";

const quizMaster = "11111111-1111-1111-1111-111111111111";
const perfectScore = "22222222-2222-2222-2222-222222222222";

function quiz(value: number): QuizSubmitted {
  return {
    quizId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    learnerId: "9b2f8a3e-1c4d-4e5f-8a6b-7c8d9e0f1a2b",
    score: value,
  };
}

function earnedIds(value: number): string[] {
  return badgesEarned(defaultCatalog, quiz(value)).map((badge) => badge.id);
}

describe("defaultCatalog", () => {
  it("keeps the badge ids, names and reasons of DESIGN.md", () => {
    expect(
      defaultCatalog.map(({ id, name, reason }) => ({ id, name, reason })),
    ).toEqual([
      {
        id: quizMaster,
        name: "Quiz Master",
        reason: "Scored 90% or above on a quiz.",
      },
      {
        id: perfectScore,
        name: "Perfect Score",
        reason: "Perfect quiz score!",
      },
    ]);
  });

  it.each([
    ["Quiz Master and Perfect Score", 100, [quizMaster, perfectScore]],
    ["only Quiz Master", 99.999, [quizMaster]],
    ["only Quiz Master", 90, [quizMaster]],
    ["no badge", 89.99, []],
    ["no badge", 0, []],
  ])("awards %s when the score is %s", (_names, value, earned) => {
    expect(earnedIds(value)).toEqual(earned);
  });

  it("awards Quiz Master exactly when the score is at least 90", () => {
    fc.assert(
      fc.property(score, (value) => {
        expect(earnedIds(value).includes(quizMaster)).toBe(value >= 90);
      }),
    );
  });

  it("awards Perfect Score exactly when the score is 100", () => {
    fc.assert(
      fc.property(fc.oneof(score, fc.constant(100)), (value) => {
        expect(earnedIds(value).includes(perfectScore)).toBe(value === 100);
      }),
    );
  });

  it("never awards the same badge twice for one submission", () => {
    fc.assert(
      fc.property(score, (value) => {
        const ids = earnedIds(value);

        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});

describe("ruleHolds", () => {
  it.each<[number, ScoreOperator, boolean]>([
    [89.99, ">=", false],
    [90, ">=", true],
    [90.01, ">=", true],
    [89.99, ">", false],
    [90, ">", false],
    [90.01, ">", true],
    [89.99, "==", false],
    [90, "==", true],
    [90.01, "==", false],
  ])("evaluates %s %s 90 as %s", (value, operator, holds) => {
    expect(ruleHolds({ kind: "score", operator, value: 90 }, quiz(value))).toBe(
      holds,
    );
  });

  it.each<ScoreOperator>([">=", ">", "=="])(
    "returns false for a NaN score with operator %s",
    (operator) => {
      expect(
        ruleHolds({ kind: "score", operator, value: 0 }, quiz(Number.NaN)),
      ).toBe(false);
    },
  );
});
