import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateBatch } from "../../../src/awards/award-plan.js";
import type { Catalog } from "../../../src/domain/catalog.js";
import type { Envelope } from "../../../src/domain/events.js";
import { type Fact, factOf } from "../../../src/domain/rule-engine/fact.js";
import type { LearnerProgress } from "../../../src/domain/rule-engine/learner-progress.js";
import { learnerId } from "../../support/histories.js";
import { anyRule, catalogOf, history, policy } from "./arbitraries.js";

/** What the store keeps between batches: the progress as JSON. */
function stored(
  progress: Map<string, LearnerProgress>,
): Map<string, LearnerProgress> {
  const copy = new Map<string, LearnerProgress>();
  for (const [learner, entries] of progress) {
    const kept: LearnerProgress = new Map();
    for (const [badge, entry] of entries) {
      kept.set(badge, { ...JSON.parse(JSON.stringify(entry)), dirty: false });
    }
    copy.set(learner, kept);
  }
  return copy;
}

function changesIn(
  catalog: Catalog,
  facts: readonly Fact[],
  cuts: readonly number[],
) {
  let progress = new Map<string, LearnerProgress>([[learnerId, new Map()]]);
  const changes: string[] = [];
  let from = 0;
  for (const cut of [...cuts, facts.length]) {
    const batch = facts.slice(from, Math.max(from, cut));
    for (const change of evaluateBatch(catalog, progress, batch)) {
      changes.push(`${change.kind} ${change.badge.id} by ${change.fact.id}`);
    }
    progress = stored(progress);
    from = Math.max(from, cut);
  }
  return changes;
}

describe("live processing in batches and a backfill in one pass", () => {
  it("make the same changes, whatever the batch boundaries and with progress stored between batches", () => {
    fc.assert(
      fc.property(
        catalogOf(anyRule, policy),
        history,
        fc.array(fc.nat({ max: 40 }), { maxLength: 6 }),
        (catalog, events: Envelope[], cuts) => {
          const facts = events.map(factOf);
          const sortedCuts = [...cuts].sort((a, b) => a - b);

          expect(changesIn(catalog, facts, sortedCuts)).toEqual(
            changesIn(catalog, facts, []),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
