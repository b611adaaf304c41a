import { describe, expect, it } from "vitest";
import type { FirstRule } from "../../../src/domain/rule-engine/rule.js";
import {
  accepted,
  badge,
  lesson,
  replay,
  submitted,
  summary,
} from "../../support/histories.js";

const firstLesson: FirstRule = { kind: "first", event: "LessonCompleted" };

const firstPass: FirstRule = {
  kind: "first",
  event: "QuizSubmitted",
  where: [{ field: "score", operator: ">=", value: 50 }],
};

describe("first rule", () => {
  it("awards at the first event of its type", () => {
    const { steps, progress } = replay(
      [badge("first-steps", firstLesson)],
      [lesson()],
    );

    expect(summary(steps)).toEqual([["award first-steps"]]);
    expect(progress.get("first-steps")?.held).toBe(true);
  });

  it("does not award for events of other types", () => {
    const { steps, progress } = replay(
      [badge("first-steps", firstLesson)],
      [accepted(), submitted(100)],
    );

    expect(summary(steps)).toEqual([[], []]);
    expect(progress.get("first-steps")?.held).toBe(false);
  });

  it("does not award again for later events of its type", () => {
    const { steps } = replay(
      [badge("first-steps", firstLesson)],
      [lesson(), lesson(), lesson()],
    );

    expect(summary(steps)).toEqual([["award first-steps"], [], []]);
  });

  it("does not award for an event that misses the conditions", () => {
    const { steps } = replay([badge("first-pass", firstPass)], [submitted(49)]);

    expect(summary(steps)).toEqual([[]]);
  });

  it("awards at the first event that meets the conditions", () => {
    const { steps } = replay(
      [badge("first-pass", firstPass)],
      [submitted(10), submitted(49.9), submitted(50), submitted(90)],
    );

    expect(summary(steps)).toEqual([[], [], ["award first-pass"], []]);
  });
});
