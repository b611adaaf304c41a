import { describe, expect, it } from "vitest";
import type { RevocationPolicy } from "../../../src/domain/catalog.js";
import type { Envelope } from "../../../src/domain/events.js";
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

/** A qualifying submission `only`, then what follows it. */
interface Case {
  title: string;
  policy: RevocationPolicy;
  followedBy: (only: Envelope<"QuizSubmitted">) => Envelope[];
  steps: string[][];
}

function replayAfterOnly({ policy, followedBy }: Case, catalog = goodBadge) {
  const only = submitted(90);
  return replay(catalog(policy), [only, ...followedBy(only)]);
}

const droppedBelow: (Case & { held: boolean })[] = [
  {
    title: "keeps the badge under policy never",
    policy: "never",
    followedBy: (only) => [corrected(only, 50)],
    steps: [["award good"], []],
    held: true,
  },
  {
    title: "revokes the badge under policy revoke",
    policy: "revoke",
    followedBy: (only) => [corrected(only, 79.99)],
    steps: [["award good"], ["revoke good"]],
    held: false,
  },
  {
    title:
      "does not award again under policy revoke when a later submission qualifies",
    policy: "revoke",
    followedBy: (only) => [corrected(only, 50), submitted(95), submitted(100)],
    steps: [["award good"], ["revoke good"], [], []],
    held: false,
  },
  {
    title: "revokes the badge under policy revoke-and-reaward",
    policy: "revoke-and-reaward",
    followedBy: (only) => [corrected(only, 50)],
    steps: [["award good"], ["revoke good"]],
    held: false,
  },
  {
    title:
      "awards again under policy revoke-and-reaward when a later submission qualifies",
    policy: "revoke-and-reaward",
    followedBy: (only) => [corrected(only, 50), submitted(70), submitted(95)],
    steps: [["award good"], ["revoke good"], [], ["award good"]],
    held: true,
  },
  {
    title:
      "awards again under policy revoke-and-reaward when a second correction raises it back",
    policy: "revoke-and-reaward",
    followedBy: (only) => [corrected(only, 50), corrected(only, 80)],
    steps: [["award good"], ["revoke good"], ["award good"]],
    held: true,
  },
];

describe("a correction dropping the only qualifying submission below the threshold", () => {
  it.each(droppedBelow)("$title", (example) => {
    const { steps, progress } = replayAfterOnly(example);

    expect(summary(steps)).toEqual(example.steps);
    expect(progress.get("good")?.held).toBe(example.held);
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

function chain(policy: RevocationPolicy) {
  return [
    badge("honours", { kind: "badges", allOf: ["good"] }, policy),
    badge("good", good, "revoke-and-reaward"),
  ];
}

const requiredRevoked: (Case & { held: string[] })[] = [
  {
    title: "revokes a badge of badges in the same step under policy revoke",
    policy: "revoke",
    followedBy: (only) => [corrected(only, 50), submitted(90)],
    steps: [
      ["award good", "award honours"],
      ["revoke good", "revoke honours"],
      ["award good"],
    ],
    held: ["good"],
  },
  {
    title:
      "revokes and re-awards a badge of badges with it under policy revoke-and-reaward",
    policy: "revoke-and-reaward",
    followedBy: (only) => [corrected(only, 50), submitted(90)],
    steps: [
      ["award good", "award honours"],
      ["revoke good", "revoke honours"],
      ["award good", "award honours"],
    ],
    held: ["good", "honours"],
  },
  {
    title: "keeps a badge of badges under policy never",
    policy: "never",
    followedBy: (only) => [corrected(only, 50)],
    steps: [["award good", "award honours"], ["revoke good"]],
    held: ["honours"],
  },
];

describe("revocation of a required badge", () => {
  it.each(requiredRevoked)("$title", (example) => {
    const { steps, progress } = replayAfterOnly(example, chain);

    expect(summary(steps).map((step) => step.sort())).toEqual(example.steps);
    expect(heldBadges(progress)).toEqual(example.held);
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
