/**
 * fast-check arbitraries for one learner's histories and small catalogs.
 * Rules are split by whether their outcome can depend on the order events
 * arrive in, so properties about permutations can pick the safe ones.
 */
import fc from "fast-check";
import type {
  Badge,
  Catalog,
  RevocationPolicy,
} from "../../../src/domain/catalog.js";
import type { Envelope, EventType } from "../../../src/domain/events.js";
import type {
  Comparison,
  Condition,
  Rule,
} from "../../../src/domain/rule-engine/rule.js";
import {
  accepted,
  badge,
  corrected,
  courseIds,
  lesson,
  quizIds,
  submitted,
} from "../../support/histories.js";

/** Thresholds of the generated rules come up often, so boundaries are hit. */
export const scoreValue = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.constantFrom(79.99, 80, 90, 100),
);

const quiz = fc.constantFrom(quizIds.algebra, quizIds.geometry);
const course = fc.constantFrom(courseIds.maths, courseIds.physics);

/** Twelve days around Berlin's switch to summer time on 2024-03-31. */
const firstInstant = Date.parse("2024-03-25T00:00:00Z");
const minute = fc.integer({ min: 0, max: 12 * 24 * 60 });
const at = (offset: number) => new Date(firstInstant + offset * 60_000);

type EventSpec =
  | { kind: "submitted"; score: number; quiz: string; course: string | null }
  | { kind: "lesson"; course: string | null }
  | { kind: "accepted" }
  | { kind: "corrected"; target: number; score: number };

const submittedSpec = fc.record({
  kind: fc.constant("submitted" as const),
  score: scoreValue,
  quiz,
  course: fc.option(course),
});
const lessonSpec = fc.record({
  kind: fc.constant("lesson" as const),
  course: fc.option(course),
});
const acceptedSpec = fc.record({ kind: fc.constant("accepted" as const) });
const correctedSpec = fc.record({
  kind: fc.constant("corrected" as const),
  target: fc.nat(),
  score: scoreValue,
});

function historyOf(specs: readonly [EventSpec, number][]): Envelope[] {
  const submissions: Envelope<"QuizSubmitted">[] = [];
  const history: Envelope[] = [];
  for (const [spec, offset] of specs) {
    const stamp = { at: at(offset) };
    switch (spec.kind) {
      case "submitted": {
        const event = submitted(spec.score, {
          ...stamp,
          quiz: spec.quiz,
          ...(spec.course === null ? {} : { course: spec.course }),
        });
        submissions.push(event);
        history.push(event);
        break;
      }
      case "lesson":
        history.push(
          lesson({
            ...stamp,
            ...(spec.course === null ? {} : { course: spec.course }),
          }),
        );
        break;
      case "accepted":
        history.push(accepted(stamp));
        break;
      case "corrected": {
        // A correction only ever follows the submission it corrects.
        const target =
          submissions[spec.target % Math.max(1, submissions.length)];
        if (target) {
          history.push(corrected(target, spec.score, stamp));
        }
        break;
      }
    }
  }
  return history;
}

function histories(spec: fc.Arbitrary<EventSpec>) {
  return fc
    .array(fc.tuple(spec, minute), { minLength: 1, maxLength: 30 })
    .map(historyOf)
    .filter((history) => history.length > 0);
}

/** Quiz submissions, lessons and accepted answers, without corrections. */
export const uncorrectedHistory = histories(
  fc.oneof(submittedSpec, lessonSpec, acceptedSpec),
);

/** Every kind of event a rule reads, corrections included. */
export const history = histories(
  fc.oneof(submittedSpec, lessonSpec, acceptedSpec, correctedSpec),
);

const comparison = fc.constantFrom<Comparison>(">=", ">", "==", "<=", "<");
const scoreCondition: fc.Arbitrary<Condition> = fc.record({
  field: fc.constant("score"),
  operator: comparison,
  value: scoreValue,
});

interface Subject {
  event: EventType;
  where?: Condition[];
}

/** An event type, with conditions on the score where the event has one. */
const subject: fc.Arbitrary<Subject> = fc.oneof(
  fc.constantFrom<Subject>(
    { event: "QuizSubmitted" },
    { event: "LessonCompleted" },
    { event: "AnswerAccepted" },
  ),
  fc
    .array(scoreCondition, { minLength: 1, maxLength: 2 })
    .map((where): Subject => ({ event: "QuizSubmitted", where })),
);

const scoreRule: fc.Arbitrary<Rule> = fc
  .record({
    operator: fc.constantFrom<">=" | ">" | "==">(">=", ">", "=="),
    value: fc.constantFrom(79.99, 80, 90, 100),
    quiz: fc.option(quiz),
    course: fc.option(course),
  })
  .map((spec) => ({
    kind: "score",
    operator: spec.operator,
    value: spec.value,
    ...(spec.quiz === null ? {} : { quiz: spec.quiz }),
    ...(spec.course === null ? {} : { course: spec.course }),
  }));

const countRule: fc.Arbitrary<Rule> = fc
  .tuple(subject, fc.integer({ min: 1, max: 4 }))
  .map(([on, atLeast]) => ({ kind: "count", ...on, atLeast }));

const firstRule: fc.Arbitrary<Rule> = subject.map((on) => ({
  kind: "first",
  ...on,
}));

const dailyStreakRule: fc.Arbitrary<Rule> = fc
  .tuple(
    subject,
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom(
      "Europe/Berlin",
      "UTC",
      "America/New_York",
      "Pacific/Auckland",
    ),
  )
  .map(([on, days, timeZone]) => ({
    kind: "dailyStreak",
    ...on,
    days,
    timeZone,
  }));

const windowedCountRule: fc.Arbitrary<Rule> = fc
  .tuple(
    subject,
    fc.integer({ min: 1, max: 4 }),
    fc.integer({ min: 1, max: 3 }),
  )
  .map(([on, atLeast, withinDays]) => ({
    kind: "count",
    ...on,
    atLeast,
    withinDays,
  }));

const streakRule: fc.Arbitrary<Rule> = fc
  .tuple(subject, fc.integer({ min: 1, max: 4 }))
  .map(([on, length]) => ({ kind: "streak", ...on, length }));

function composed(leaf: fc.Arbitrary<Rule>): fc.Arbitrary<Rule> {
  const children = fc.array(leaf, { minLength: 1, maxLength: 3 });
  return fc.oneof(
    { arbitrary: leaf, weight: 3 },
    {
      arbitrary: children.map((rules): Rule => ({ kind: "allOf", rules })),
      weight: 1,
    },
    {
      arbitrary: children.map((rules): Rule => ({ kind: "anyOf", rules })),
      weight: 1,
    },
  );
}

/** Rules whose outcome depends only on which events arrived, not their order. */
export const orderInsensitiveRule = composed(
  composed(fc.oneof(scoreRule, countRule, firstRule, dailyStreakRule)),
);

/** Every rule kind, `not` beside another rule in allOf as catalogs allow. */
export const anyRule = composed(
  composed(
    fc.oneof(
      scoreRule,
      countRule,
      firstRule,
      dailyStreakRule,
      windowedCountRule,
      streakRule,
      fc
        .tuple(
          fc.oneof(scoreRule, countRule, firstRule, streakRule),
          fc.oneof(scoreRule, countRule, firstRule),
        )
        .map(
          ([kept, negated]): Rule => ({
            kind: "allOf",
            rules: [kept, { kind: "not", rule: negated }],
          }),
        ),
    ),
  ),
);

export const policy = fc.constantFrom<RevocationPolicy>(
  "never",
  "revoke",
  "revoke-and-reaward",
);

/**
 * One to four badges; a badge may need badges listed before it, alone or
 * beside its own rule, so references never form a cycle. The list is then
 * shuffled, as catalog order must not matter.
 */
export function catalogOf(
  rule: fc.Arbitrary<Rule>,
  revocation: fc.Arbitrary<RevocationPolicy>,
): fc.Arbitrary<Catalog> {
  const badgeSpec = fc.record({
    rule,
    revocation,
    needs: fc.uniqueArray(fc.nat(), { maxLength: 2 }),
    alongside: fc.boolean(),
  });
  return fc
    .array(badgeSpec, { minLength: 1, maxLength: 4 })
    .map((specs) =>
      specs.map((spec, index): Badge => {
        const needs = [
          ...new Set(spec.needs.map((n) => `badge-${n % Math.max(1, index)}`)),
        ];
        const own: Rule =
          index === 0 || needs.length === 0
            ? spec.rule
            : spec.alongside
              ? {
                  kind: "allOf",
                  rules: [{ kind: "badges", allOf: needs }, spec.rule],
                }
              : { kind: "badges", allOf: needs };
        return badge(`badge-${index}`, own, spec.revocation);
      }),
    )
    .chain((badges) =>
      fc.shuffledSubarray(badges, {
        minLength: badges.length,
        maxLength: badges.length,
      }),
    );
}

/** A list together with a reordering of all of its items. */
export function withPermutation<T>(
  items: fc.Arbitrary<T[]>,
): fc.Arbitrary<[T[], T[]]> {
  return items.chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.shuffledSubarray(list, {
        minLength: list.length,
        maxLength: list.length,
      }),
    ),
  );
}

/**
 * The reordering, with each correction held back until the submission it
 * corrects and that submission's earlier corrections have been placed.
 */
export function correctionsAfterTheirSubmissions(
  original: readonly Envelope[],
  reordered: readonly Envelope[],
): Envelope[] {
  const prerequisites = new Map<string, string[]>();
  const correctionsOf = new Map<string, string[]>();
  for (const envelope of original) {
    if (envelope.event.type === "QuizScoreCorrected") {
      const submission = envelope.event.payload.submissionId;
      const earlier = correctionsOf.get(submission) ?? [];
      prerequisites.set(envelope.id, [submission, ...earlier]);
      correctionsOf.set(submission, [...earlier, envelope.id]);
    }
  }
  const placed = new Set<string>();
  const result: Envelope[] = [];
  let waiting: Envelope[] = [];
  const isReady = (envelope: Envelope) =>
    (prerequisites.get(envelope.id) ?? []).every((id) => placed.has(id));
  for (const envelope of reordered) {
    waiting.push(envelope);
    let next = waiting.find(isReady);
    while (next) {
      result.push(next);
      placed.add(next.id);
      const done = next;
      waiting = waiting.filter((candidate) => candidate !== done);
      next = waiting.find(isReady);
    }
  }
  return result;
}
