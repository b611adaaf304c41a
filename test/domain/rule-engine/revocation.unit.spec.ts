import { describe, expect, it } from "vitest";
import type { RevocationPolicy } from "../../../src/domain/catalog.js";
import type { Rule } from "../../../src/domain/rule-engine/rule.js";
import {
  badge,
  corrected,
  heldBadges,
  replay,
  submitted,
  summary,
} from "../../support/histories.js";

const good: Rule = { kind: "score", operator: ">=", value: 80 };

function goodBadge(revocation: RevocationPolicy) {
  return [badge("good", good, revocation)];
}

describe("a correction dropping the only qualifying submission below the threshold", () => {
  it("keeps the badge under policy never", () => {
    const only = submitted(90);

    const { steps, progress } = replay(goodBadge("never"), [
      only,
      corrected(only, 50),
    ]);

    expect(summary(steps)).toEqual([["award good"], []]);
    expect(progress.get("good")?.held).toBe(true);
  });

  it("revokes the badge under policy revoke", () => {
    const only = submitted(90);

    const { steps, progress } = replay(goodBadge("revoke"), [
      only,
      corrected(only, 79.99),
    ]);

    expect(summary(steps)).toEqual([["award good"], ["revoke good"]]);
    expect(progress.get("good")?.held).toBe(false);
  });

  it("does not award again under policy revoke when a later submission qualifies", () => {
    const only = submitted(90);

    const { steps, progress } = replay(goodBadge("revoke"), [
      only,
      corrected(only, 50),
      submitted(95),
      submitted(100),
    ]);

    expect(summary(steps)).toEqual([["award good"], ["revoke good"], [], []]);
    expect(progress.get("good")?.held).toBe(false);
  });

  it("revokes the badge under policy revoke-and-reaward", () => {
    const only = submitted(90);

    const { steps, progress } = replay(goodBadge("revoke-and-reaward"), [
      only,
      corrected(only, 50),
    ]);

    expect(summary(steps)).toEqual([["award good"], ["revoke good"]]);
    expect(progress.get("good")?.held).toBe(false);
  });

  it("awards again under policy revoke-and-reaward when a later submission qualifies", () => {
    const only = submitted(90);

    const { steps, progress } = replay(goodBadge("revoke-and-reaward"), [
      only,
      corrected(only, 50),
      submitted(70),
      submitted(95),
    ]);

    expect(summary(steps)).toEqual([
      ["award good"],
      ["revoke good"],
      [],
      ["award good"],
    ]);
    expect(progress.get("good")?.held).toBe(true);
  });

  it("awards again under policy revoke-and-reaward when a second correction raises it back", () => {
    const only = submitted(90);

    const { steps } = replay(goodBadge("revoke-and-reaward"), [
      only,
      corrected(only, 50),
      corrected(only, 80),
    ]);

    expect(summary(steps)).toEqual([
      ["award good"],
      ["revoke good"],
      ["award good"],
    ]);
  });
});

describe("corrections that leave the rule holding", () => {
  it.each<RevocationPolicy>(["revoke", "revoke-and-reaward"])(
    "does not revoke under policy %s while another submission still qualifies",
    (policy) => {
      const first = submitted(90);

      const { steps, progress } = replay(goodBadge(policy), [
        first,
        submitted(85),
        corrected(first, 10),
      ]);

      expect(summary(steps)).toEqual([["award good"], [], []]);
      expect(progress.get("good")?.held).toBe(true);
    },
  );

  it.each<RevocationPolicy>(["revoke", "revoke-and-reaward"])(
    "does not revoke under policy %s when the corrected score still qualifies",
    (policy) => {
      const only = submitted(90);

      const { steps } = replay(goodBadge(policy), [only, corrected(only, 80)]);

      expect(summary(steps)).toEqual([["award good"], []]);
    },
  );
});

describe("a correction raising a non-qualifying submission above the threshold", () => {
  it.each<RevocationPolicy>(["never", "revoke", "revoke-and-reaward"])(
    "awards the badge under policy %s",
    (policy) => {
      const low = submitted(70);

      const { steps, progress } = replay(goodBadge(policy), [
        low,
        corrected(low, 85),
      ]);

      expect(summary(steps)).toEqual([[], ["award good"]]);
      expect(progress.get("good")?.held).toBe(true);
    },
  );

  it("does not award when the corrected score still misses the threshold", () => {
    const low = submitted(70);

    const { steps } = replay(goodBadge("never"), [low, corrected(low, 79.99)]);

    expect(summary(steps)).toEqual([[], []]);
  });
});

describe("revocation of a required badge", () => {
  function chain(policy: RevocationPolicy) {
    return [
      badge("honours", { kind: "badges", allOf: ["good"] }, policy),
      badge("good", good, "revoke-and-reaward"),
    ];
  }

  it("revokes a badge of badges in the same step under policy revoke", () => {
    const only = submitted(90);

    const { steps, progress } = replay(chain("revoke"), [
      only,
      corrected(only, 50),
      submitted(90),
    ]);

    expect(summary(steps).map((step) => step.sort())).toEqual([
      ["award good", "award honours"],
      ["revoke good", "revoke honours"],
      ["award good"],
    ]);
    expect(heldBadges(progress)).toEqual(["good"]);
  });

  it("revokes and re-awards a badge of badges with it under policy revoke-and-reaward", () => {
    const only = submitted(90);

    const { steps, progress } = replay(chain("revoke-and-reaward"), [
      only,
      corrected(only, 50),
      submitted(90),
    ]);

    expect(summary(steps).map((step) => step.sort())).toEqual([
      ["award good", "award honours"],
      ["revoke good", "revoke honours"],
      ["award good", "award honours"],
    ]);
    expect(heldBadges(progress)).toEqual(["good", "honours"]);
  });

  it("keeps a badge of badges under policy never", () => {
    const only = submitted(90);

    const { steps, progress } = replay(chain("never"), [
      only,
      corrected(only, 50),
    ]);

    expect(summary(steps).map((step) => step.sort())).toEqual([
      ["award good", "award honours"],
      ["revoke good"],
    ]);
    expect(heldBadges(progress)).toEqual(["honours"]);
  });

  it("revokes a whole chain A -> B -> C in one step", () => {
    const catalog = [
      badge("c", { kind: "badges", allOf: ["b"] }, "revoke"),
      badge("b", { kind: "badges", allOf: ["a"] }, "revoke"),
      badge("a", good, "revoke"),
    ];
    const only = submitted(90);

    const { steps, progress } = replay(catalog, [only, corrected(only, 50)]);

    expect(summary(steps)[1]?.sort()).toEqual([
      "revoke a",
      "revoke b",
      "revoke c",
    ]);
    expect(heldBadges(progress)).toEqual([]);
  });
});
