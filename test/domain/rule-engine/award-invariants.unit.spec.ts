import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../../src/domain/catalog.js";
import type { Envelope } from "../../../src/domain/events.js";
import type { BadgeChange } from "../../../src/domain/rule-engine/learner-progress.js";
import { score } from "../../support/arbitraries.js";
import {
  awardsOf,
  heldBadges,
  replay,
  submitted,
} from "../../support/histories.js";
import { anyRule, catalogOf, history, policy } from "./arbitraries.js";

const quizMaster = "11111111-1111-1111-1111-111111111111";
const perfectScore = "22222222-2222-2222-2222-222222222222";

const submissions: fc.Arbitrary<Envelope<"QuizSubmitted">[]> = fc
  .array(fc.oneof(score, fc.constantFrom(89.99, 90, 99.99, 100)), {
    minLength: 1,
    maxLength: 30,
  })
  .map((scores) => scores.map((value) => submitted(value)));

function changesPerBadge(steps: readonly BadgeChange[][]) {
  const kinds = new Map<string, BadgeChange["kind"][]>();
  for (const change of steps.flat()) {
    kinds.set(change.badge.id, [
      ...(kinds.get(change.badge.id) ?? []),
      change.kind,
    ]);
  }
  return kinds;
}

describe("the default catalog", () => {
  it("awards Quiz Master iff some submission scores at least 90", () => {
    fc.assert(
      fc.property(submissions, (history) => {
        const { progress } = replay(defaultCatalog, history);
        const earned = history.some((event) => event.event.payload.score >= 90);

        expect(heldBadges(progress).includes(quizMaster)).toBe(earned);
      }),
    );
  });

  it("awards Perfect Score iff some submission scores exactly 100", () => {
    fc.assert(
      fc.property(submissions, (history) => {
        const { progress } = replay(defaultCatalog, history);
        const earned = history.some(
          (event) => event.event.payload.score === 100,
        );

        expect(heldBadges(progress).includes(perfectScore)).toBe(earned);
      }),
    );
  });

  it("awards each badge at most once and revokes none in any history", () => {
    fc.assert(
      fc.property(submissions, (history) => {
        const { steps } = replay(defaultCatalog, history);
        const ids = awardsOf(steps).map((change) => change.badge.id);

        expect(new Set(ids).size).toBe(ids.length);
        expect(
          steps.flat().filter((change) => change.kind === "revoke"),
        ).toEqual([]);
      }),
    );
  });
});

describe("any catalog", () => {
  it("awards each badge at most once and revokes none under policy never", () => {
    fc.assert(
      fc.property(
        catalogOf(anyRule, fc.constant("never")),
        history,
        (catalog, events) => {
          const { steps, progress } = replay(catalog, events);
          const ids = awardsOf(steps).map((change) => change.badge.id);

          expect(new Set(ids).size).toBe(ids.length);
          expect(steps.flat().every((change) => change.kind === "award")).toBe(
            true,
          );
          expect(heldBadges(progress)).toEqual([...ids].sort());
        },
      ),
    );
  });

  it("awards a badge at most once under policy revoke", () => {
    fc.assert(
      fc.property(
        catalogOf(anyRule, fc.constant("revoke")),
        history,
        (catalog, events) => {
          const { steps } = replay(catalog, events);

          for (const kinds of changesPerBadge(steps).values()) {
            expect(kinds.filter((kind) => kind === "award")).toHaveLength(1);
            expect(kinds.length).toBeLessThanOrEqual(2);
          }
        },
      ),
    );
  });

  it("alternates award and revoke per badge, starting with an award, and leaves held the badges last awarded", () => {
    fc.assert(
      fc.property(catalogOf(anyRule, policy), history, (catalog, events) => {
        const { steps, progress } = replay(catalog, events);

        for (const [badgeId, kinds] of changesPerBadge(steps)) {
          kinds.forEach((kind, index) => {
            expect(kind).toBe(index % 2 === 0 ? "award" : "revoke");
          });
          expect(progress.get(badgeId)?.held).toBe(kinds.at(-1) === "award");
        }
      }),
      { numRuns: 300 },
    );
  });
});
