import { describe, expect, it } from "vitest";
import type { Rule } from "../../../src/domain/rule-engine/rule.js";
import {
  badge,
  heldBadges,
  lesson,
  replay,
  submitted,
  summary,
} from "../../support/histories.js";

const excellent: Rule = { kind: "score", operator: ">=", value: 90 };
const firstLesson: Rule = { kind: "first", event: "LessonCompleted" };
const firstAnswer: Rule = { kind: "first", event: "AnswerAccepted" };

describe("badges rule", () => {
  const allRounder = [
    badge("all-rounder", { kind: "badges", allOf: ["ace", "first-steps"] }),
    badge("ace", excellent),
    badge("first-steps", firstLesson),
  ];

  it("does not award while some required badge is missing", () => {
    const { steps, progress } = replay(allRounder, [lesson(), submitted(80)]);

    expect(summary(steps)).toEqual([["award first-steps"], []]);
    expect(heldBadges(progress)).toEqual(["first-steps"]);
  });

  it("awards in the same step as the last badge it needs", () => {
    const { steps, progress } = replay(allRounder, [lesson(), submitted(90)]);

    expect(summary(steps)).toEqual([
      ["award first-steps"],
      ["award ace", "award all-rounder"],
    ]);
    expect(heldBadges(progress)).toEqual(["ace", "all-rounder", "first-steps"]);
  });

  it("settles a chain A -> B -> C in one event, whatever the catalog order", () => {
    const chain = [
      badge("c", { kind: "badges", allOf: ["b"] }),
      badge("b", { kind: "badges", allOf: ["a"] }),
      badge("a", excellent),
    ];

    const { steps, progress } = replay(chain, [submitted(95)]);

    expect(steps).toHaveLength(1);
    expect(summary(steps)[0]?.sort()).toEqual([
      "award a",
      "award b",
      "award c",
    ]);
    expect(heldBadges(progress)).toEqual(["a", "b", "c"]);
  });

  it("awards when all the badges it needs are earned at the same event", () => {
    const flawless = [
      badge("flawless", { kind: "badges", allOf: ["ace", "perfect"] }),
      badge("ace", excellent),
      badge("perfect", { kind: "score", operator: "==", value: 100 }),
    ];

    const { steps } = replay(flawless, [submitted(100)]);

    expect(summary(steps)[0]?.sort()).toEqual([
      "award ace",
      "award flawless",
      "award perfect",
    ]);
  });

  it("awards a badges rule combined with event rules in allOf", () => {
    const catalog = [
      badge("quiet-achiever", {
        kind: "allOf",
        rules: [
          { kind: "badges", allOf: ["ace"] },
          firstLesson,
          { kind: "not", rule: firstAnswer },
        ],
      }),
      badge("ace", excellent),
    ];

    const { steps } = replay(catalog, [lesson(), submitted(92)]);

    expect(summary(steps)).toEqual([[], ["award ace", "award quiet-achiever"]]);
  });
});
