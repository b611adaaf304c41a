import { describe, expect, it } from "vitest";
import type { StreakRule } from "../../../src/domain/rule-engine/rule.js";
import {
  accepted,
  badge,
  corrected,
  lesson,
  replay,
  submitted,
  summary,
} from "../../support/histories.js";

const threeGoodInARow: StreakRule = {
  kind: "streak",
  event: "QuizSubmitted",
  where: [{ field: "score", operator: ">=", value: 70 }],
  length: 3,
};

const onARoll = [badge("on-a-roll", threeGoodInARow)];

describe("streak rule", () => {
  it("awards at the Nth qualifying event in a row", () => {
    const { steps, progress } = replay(onARoll, [
      submitted(70),
      submitted(85),
      submitted(100),
    ]);

    expect(summary(steps)).toEqual([[], [], ["award on-a-roll"]]);
    expect(progress.get("on-a-roll")?.held).toBe(true);
  });

  it("does not award N-1 qualifying events in a row", () => {
    const { steps } = replay(onARoll, [submitted(90), submitted(90)]);

    expect(summary(steps)).toEqual([[], []]);
  });

  it("restarts the run at a non-qualifying event of the same type", () => {
    const { steps } = replay(onARoll, [
      submitted(90),
      submitted(90),
      submitted(69.99),
      submitted(90),
      submitted(90),
      submitted(90),
    ]);

    expect(summary(steps)).toEqual([[], [], [], [], [], ["award on-a-roll"]]);
  });

  it("does not break the run at events of other types", () => {
    const { steps } = replay(onARoll, [
      submitted(90),
      lesson(),
      submitted(90),
      accepted(),
      submitted(90),
    ]);

    expect(summary(steps)).toEqual([[], [], [], [], ["award on-a-roll"]]);
  });

  it("does not break the run at a score correction", () => {
    const first = submitted(90);
    const { steps } = replay(onARoll, [
      first,
      corrected(first, 10),
      submitted(90),
      submitted(90),
    ]);

    expect(summary(steps)).toEqual([[], [], [], ["award on-a-roll"]]);
  });

  it("follows store order, not occurred time", () => {
    const { steps } = replay(onARoll, [
      submitted(90, { at: "2024-06-03T10:00:00Z" }),
      submitted(90, { at: "2024-06-01T10:00:00Z" }),
      submitted(10, { at: "2024-06-05T10:00:00Z" }),
      submitted(90, { at: "2024-06-02T10:00:00Z" }),
    ]);

    expect(summary(steps)).toEqual([[], [], [], []]);
  });

  it("keeps the badge once reached, even under a revoking policy", () => {
    const catalog = [badge("on-a-roll", threeGoodInARow, "revoke-and-reaward")];

    const { steps, progress } = replay(catalog, [
      submitted(90),
      submitted(90),
      submitted(90),
      submitted(0),
      submitted(0),
    ]);

    expect(summary(steps)).toEqual([[], [], ["award on-a-roll"], [], []]);
    expect(progress.get("on-a-roll")?.held).toBe(true);
  });
});
