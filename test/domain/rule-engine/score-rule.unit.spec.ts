import { describe, expect, it } from "vitest";
import type { ScoreRule } from "../../../src/domain/rule-engine/rule.js";
import {
  badge,
  courseIds,
  quizIds,
  replay,
  submitted,
  summary,
} from "../../support/histories.js";

interface ScoreCase {
  operator: ScoreRule["operator"];
  score: number;
}

function stepsFor(rule: ScoreRule, ...scores: Parameters<typeof submitted>[]) {
  const catalog = [badge("ace", rule)];
  const { steps, progress } = replay(
    catalog,
    scores.map((args) => submitted(...args)),
  );
  return { steps: summary(steps), held: progress.get("ace")?.held };
}

describe("score rule", () => {
  it.each<ScoreCase>([
    { operator: ">=", score: 80 },
    { operator: ">=", score: 80.01 },
    { operator: ">=", score: 100 },
    { operator: ">", score: 80.01 },
    { operator: ">", score: 100 },
    { operator: "==", score: 80 },
  ])(
    "awards a $operator 80 rule for a score of $score",
    ({ operator, score }) => {
      const { steps, held } = stepsFor({ kind: "score", operator, value: 80 }, [
        score,
      ]);

      expect(steps).toEqual([["award ace"]]);
      expect(held).toBe(true);
    },
  );

  it.each<ScoreCase>([
    { operator: ">=", score: 79.99 },
    { operator: ">=", score: 0 },
    { operator: ">", score: 80 },
    { operator: ">", score: 79.99 },
    { operator: "==", score: 79.99 },
    { operator: "==", score: 80.01 },
  ])(
    "does not award a $operator 80 rule for a score of $score",
    ({ operator, score }) => {
      const { steps, held } = stepsFor({ kind: "score", operator, value: 80 }, [
        score,
      ]);

      expect(steps).toEqual([[]]);
      expect(held).toBe(false);
    },
  );

  it("awards once, at the first qualifying submission", () => {
    const { steps } = stepsFor(
      { kind: "score", operator: ">=", value: 80 },
      [70],
      [85],
      [95],
    );

    expect(steps).toEqual([[], ["award ace"], []]);
  });

  describe("scoped to a quiz", () => {
    const rule: ScoreRule = {
      kind: "score",
      operator: ">=",
      value: 80,
      quiz: quizIds.algebra,
    };

    it("does not award for a qualifying score on another quiz", () => {
      const { steps } = stepsFor(rule, [100, { quiz: quizIds.geometry }]);

      expect(steps).toEqual([[]]);
    });

    it("awards for a qualifying score on that quiz", () => {
      const { steps } = stepsFor(
        rule,
        [100, { quiz: quizIds.geometry }],
        [80, { quiz: quizIds.algebra }],
      );

      expect(steps).toEqual([[], ["award ace"]]);
    });
  });

  describe("scoped to a course", () => {
    const rule: ScoreRule = {
      kind: "score",
      operator: ">=",
      value: 80,
      course: courseIds.maths,
    };

    it("does not award for a qualifying submission without a course", () => {
      const { steps } = stepsFor(rule, [100]);

      expect(steps).toEqual([[]]);
    });

    it("does not award for a qualifying submission in another course", () => {
      const { steps } = stepsFor(rule, [100, { course: courseIds.physics }]);

      expect(steps).toEqual([[]]);
    });

    it("awards for a qualifying submission in that course", () => {
      const { steps } = stepsFor(
        rule,
        [100],
        [90, { course: courseIds.maths }],
      );

      expect(steps).toEqual([[], ["award ace"]]);
    });

    it("does not award for a non-qualifying submission in that course", () => {
      const { steps } = stepsFor(rule, [79, { course: courseIds.maths }]);

      expect(steps).toEqual([[]]);
    });
  });
});
