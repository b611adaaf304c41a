/** What a run should award, computed by the domain rules from the events. */
import { defaultCatalog } from "../../src/domain/catalog.js";
import type { Envelope } from "../../src/domain/events.js";
import { badgesEarned } from "../../src/domain/rules.js";

export function expectedAwards(
  events: readonly Envelope<"QuizSubmitted">[],
): string[] {
  const pairs = new Set<string>();
  for (const { event } of events) {
    for (const badge of badgesEarned(defaultCatalog, event.payload)) {
      pairs.add(`${event.payload.learnerId} ${badge.id}`);
    }
  }
  return [...pairs].sort();
}
