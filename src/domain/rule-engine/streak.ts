/**
 * "N in a row": consecutive events of a kind, in store order, each meeting
 * the conditions; one that does not breaks the run. Once reached, kept.
 */
import { allHold } from "./condition.js";
import type { Fact } from "./fact.js";
import type { Evidence } from "./qualifying-events.js";
import type { StreakRule } from "./rule.js";

export interface StreakState {
  run: number;
  recent: string[];
  reached: string[] | null;
}

export const emptyStreak = (): StreakState => ({
  run: 0,
  recent: [],
  reached: null,
});

export function stepStreak(
  rule: StreakRule,
  state: StreakState,
  fact: Fact,
): StreakState {
  if (fact.type !== rule.event) {
    return state;
  }
  if (!allHold(rule.where, fact.fields)) {
    return { ...state, run: 0, recent: [] };
  }
  const recent = [...state.recent, fact.id].slice(-rule.length);
  const run = state.run + 1;
  const reached = state.reached ?? (run >= rule.length ? recent : null);
  return { run, recent, reached };
}

export function streakHolds(state: StreakState): boolean {
  return state.reached !== null;
}

export function streakEvidence(state: StreakState): Evidence[] {
  return (state.reached ?? []).map((eventId) => ({ eventId }));
}
