/**
 * Activity on N consecutive calendar days in a time zone. Days are a set,
 * so late and out-of-order events count for the day they occurred on.
 */
import { allHold } from "./condition.js";
import type { Fact } from "./fact.js";
import type { Evidence } from "./qualifying-events.js";
import type { DailyStreakRule } from "./rule.js";

export interface DailyStreakState {
  /** Local date (YYYY-MM-DD) to the first event seen on it. */
  days: Record<string, string>;
}

/** Old days stop mattering long before this many are kept. */
const daysKept = 1000;
const dayMs = 24 * 60 * 60 * 1000;

export const emptyDailyStreak = (): DailyStreakState => ({ days: {} });

export function stepDailyStreak(
  rule: DailyStreakRule,
  state: DailyStreakState,
  fact: Fact,
): DailyStreakState {
  if (fact.type !== rule.event || !allHold(rule.where, fact.fields)) {
    return state;
  }
  const day = localDate(fact.occurredAt, rule.timeZone);
  if (state.days[day]) {
    return state;
  }
  const days = Object.entries({ ...state.days, [day]: fact.id })
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-daysKept);
  return { days: Object.fromEntries(days) };
}

export function dailyStreakHolds(
  rule: DailyStreakRule,
  state: DailyStreakState,
): boolean {
  return longestRun(state).length >= rule.days;
}

export function dailyStreakEvidence(
  rule: DailyStreakRule,
  state: DailyStreakState,
): Evidence[] {
  return longestRun(state)
    .slice(0, rule.days)
    .map((day) => ({ eventId: state.days[day] ?? "", value: day }));
}

function longestRun(state: DailyStreakState): string[] {
  const days = Object.keys(state.days).sort();
  let best: string[] = [];
  let run: string[] = [];
  for (const day of days) {
    const previous = run.at(-1);
    run =
      previous && dayNumber(day) - dayNumber(previous) === 1
        ? [...run, day]
        : [day];
    if (run.length > best.length) {
      best = run;
    }
  }
  return best;
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / dayMs;
}

export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}
