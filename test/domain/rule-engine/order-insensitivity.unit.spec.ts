import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { heldBadges, replay } from "../../support/histories.js";
import {
  catalogOf,
  correctionsAfterTheirSubmissions,
  history,
  orderInsensitiveRule,
  policy,
  uncorrectedHistory,
  withPermutation,
} from "./arbitraries.js";

describe("applyFact with order-insensitive rules", () => {
  it("gives the same holdings for any permutation of a history", () => {
    fc.assert(
      fc.property(
        catalogOf(orderInsensitiveRule, policy),
        withPermutation(uncorrectedHistory),
        (catalog, [original, permuted]) => {
          const inOrder = replay(catalog, original).progress;
          const reordered = replay(catalog, permuted).progress;

          expect(heldBadges(reordered)).toEqual(heldBadges(inOrder));
        },
      ),
    );
  });

  it("gives the same holdings for any sub-history in any order as in store order", () => {
    fc.assert(
      fc.property(
        catalogOf(orderInsensitiveRule, policy),
        uncorrectedHistory.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events)),
        ),
        (catalog, [original, picked]) => {
          const inStoreOrder = original.filter((event) =>
            picked.includes(event),
          );

          expect(heldBadges(replay(catalog, picked).progress)).toEqual(
            heldBadges(replay(catalog, inStoreOrder).progress),
          );
        },
      ),
    );
  });

  it("gives the same holdings under revoke-and-reaward for any permutation that keeps corrections after their submissions", () => {
    fc.assert(
      fc.property(
        catalogOf(orderInsensitiveRule, fc.constant("revoke-and-reaward")),
        withPermutation(history),
        (catalog, [original, shuffled]) => {
          const permuted = correctionsAfterTheirSubmissions(original, shuffled);
          const inOrder = replay(catalog, original).progress;
          const reordered = replay(catalog, permuted).progress;

          expect(heldBadges(reordered)).toEqual(heldBadges(inOrder));
        },
      ),
      { numRuns: 300 },
    );
  });
});
