/**
 * What a single quiz submission earns on its own: a learner with no history
 * submits it. Handy where one event is the whole story (the demo, tests,
 * the benchmark's expected counts); the consumer keeps real progress.
 */
import type { Badge, Catalog } from "./catalog.js";
import type { QuizSubmitted } from "./events.js";
import { holds, initialState, step } from "./rule-engine/evaluate.js";
import { factOf } from "./rule-engine/fact.js";
import { applyFact } from "./rule-engine/learner-progress.js";
import type { Rule } from "./rule-engine/rule.js";

const loneSubmission = "00000000-0000-4000-8000-000000000000";

export function ruleHolds(rule: Rule, quiz: QuizSubmitted): boolean {
  const state = step(rule, initialState(rule), submissionFact(quiz));
  return holds(rule, state, () => false);
}

export function badgesEarned(catalog: Catalog, quiz: QuizSubmitted): Badge[] {
  return applyFact(catalog, new Map(), submissionFact(quiz))
    .filter((change) => change.kind === "award")
    .map((change) => change.badge);
}

function submissionFact(quiz: QuizSubmitted) {
  return factOf({
    id: loneSubmission,
    occurredAt: new Date(0),
    event: { type: "QuizSubmitted", payload: quiz },
  });
}
