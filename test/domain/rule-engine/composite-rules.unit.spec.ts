import { describe, expect, it } from "vitest";
import type { Rule } from "../../../src/domain/rule-engine/rule.js";
import {
  accepted,
  badge,
  lesson,
  replay,
  submitted,
  summary,
} from "../../support/histories.js";

const firstLesson: Rule = { kind: "first", event: "LessonCompleted" };
const firstAnswer: Rule = { kind: "first", event: "AnswerAccepted" };
const twoLessons: Rule = {
  kind: "count",
  event: "LessonCompleted",
  atLeast: 2,
};
const excellent: Rule = { kind: "score", operator: ">=", value: 95 };

describe("allOf rule", () => {
  const both = [
    badge("both", { kind: "allOf", rules: [firstLesson, excellent] }),
  ];

  it("does not award while only some of its rules hold", () => {
    const { steps, progress } = replay(both, [
      lesson(),
      submitted(94),
      accepted(),
    ]);

    expect(summary(steps)).toEqual([[], [], []]);
    expect(progress.get("both")?.held).toBe(false);
  });

  it("awards at the event that makes the last of its rules hold", () => {
    const { steps } = replay(both, [submitted(99), accepted(), lesson()]);

    expect(summary(steps)).toEqual([[], [], ["award both"]]);
  });
});

describe("anyOf rule", () => {
  const either = [
    badge("either", { kind: "anyOf", rules: [excellent, twoLessons] }),
  ];

  it("awards when its first rule holds", () => {
    const { steps } = replay(either, [lesson(), submitted(95)]);

    expect(summary(steps)).toEqual([[], ["award either"]]);
  });

  it("awards when its second rule holds", () => {
    const { steps } = replay(either, [lesson(), submitted(94), lesson()]);

    expect(summary(steps)).toEqual([[], [], ["award either"]]);
  });

  it("does not award while none of its rules holds", () => {
    const { steps } = replay(either, [lesson(), submitted(94), accepted()]);

    expect(summary(steps)).toEqual([[], [], []]);
  });

  it("awards once when both of its rules come to hold", () => {
    const { steps } = replay(either, [submitted(95), lesson(), lesson()]);

    expect(summary(steps)).toEqual([["award either"], [], []]);
  });
});

describe("not rule", () => {
  describe("inside allOf", () => {
    const quietLearner: Rule = {
      kind: "allOf",
      rules: [firstLesson, { kind: "not", rule: firstAnswer }],
    };

    it("awards the first lesson before any accepted answer", () => {
      const { steps, progress } = replay(
        [badge("quiet", quietLearner, "revoke")],
        [submitted(50), lesson()],
      );

      expect(summary(steps)).toEqual([[], ["award quiet"]]);
      expect(progress.get("quiet")?.held).toBe(true);
    });

    it("revokes when an accepted answer makes the rule stop holding", () => {
      const { steps, progress } = replay(
        [badge("quiet", quietLearner, "revoke")],
        [lesson(), lesson(), accepted()],
      );

      expect(summary(steps)).toEqual([["award quiet"], [], ["revoke quiet"]]);
      expect(progress.get("quiet")?.held).toBe(false);
    });

    it("does not award a lesson after an accepted answer", () => {
      const { steps } = replay(
        [badge("quiet", quietLearner, "revoke-and-reaward")],
        [accepted(), lesson()],
      );

      expect(summary(steps)).toEqual([[], []]);
    });

    it("negates a composite rule as a whole", () => {
      const notHelpedOrExcellent: Rule = {
        kind: "allOf",
        rules: [
          firstLesson,
          {
            kind: "not",
            rule: { kind: "anyOf", rules: [firstAnswer, excellent] },
          },
        ],
      };

      const { steps } = replay(
        [badge("modest", notHelpedOrExcellent, "revoke")],
        [lesson(), submitted(94), submitted(96)],
      );

      expect(summary(steps)).toEqual([["award modest"], [], ["revoke modest"]]);
    });
  });

  describe("on its own", () => {
    const neverHelped: Rule = { kind: "not", rule: firstAnswer };

    it("holds from the learner's first event until its rule holds", () => {
      const { steps, progress } = replay(
        [badge("unhelped", neverHelped, "revoke")],
        [lesson(), submitted(10), accepted(), lesson()],
      );

      expect(summary(steps)).toEqual([
        ["award unhelped"],
        [],
        ["revoke unhelped"],
        [],
      ]);
      expect(progress.get("unhelped")?.held).toBe(false);
    });

    it("does not award when the learner's first event makes its rule hold", () => {
      const { steps } = replay(
        [badge("unhelped", neverHelped, "revoke-and-reaward")],
        [accepted(), lesson()],
      );

      expect(summary(steps)).toEqual([[], []]);
    });
  });

  describe("inside anyOf", () => {
    const unhelpedOrExcellent: Rule = {
      kind: "anyOf",
      rules: [{ kind: "not", rule: firstAnswer }, excellent],
    };

    it("keeps holding through the other rule after its own rule holds", () => {
      const { steps, progress } = replay(
        [badge("either", unhelpedOrExcellent, "revoke-and-reaward")],
        [lesson(), submitted(96), accepted()],
      );

      expect(summary(steps)).toEqual([["award either"], [], []]);
      expect(progress.get("either")?.held).toBe(true);
    });

    it("revokes and re-awards as the other rule comes to hold", () => {
      const { steps } = replay(
        [badge("either", unhelpedOrExcellent, "revoke-and-reaward")],
        [lesson(), accepted(), submitted(96)],
      );

      expect(summary(steps)).toEqual([
        ["award either"],
        ["revoke either"],
        ["award either"],
      ]);
    });
  });
});
