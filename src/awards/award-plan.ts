/**
 * Decides, without I/O, what a batch of stored events changes: which
 * events cannot be processed, and which badges each learner gains or loses
 * given the progress they had before the batch.
 */
import type { Catalog } from "../domain/catalog.js";
import { ValidationError } from "../domain/errors.js";
import type { Envelope } from "../domain/events.js";
import { type Fact, factOf } from "../domain/rule-engine/fact.js";
import {
  applyFact,
  type BadgeChange,
  type LearnerProgress,
} from "../domain/rule-engine/learner-progress.js";
import type { DeadLetter } from "../store/dead-letters.js";
import { type Award, awardKey } from "../store/learner-badges.js";
import { decodeRecord, type StoredRecord } from "../store/stored-event.js";
import { badgeAwardedEvent, badgeRevokedEvent } from "./badge-events.js";

export interface DecodedBatch {
  facts: Fact[];
  deadLetters: DeadLetter[];
}

export function decodeBatch(records: readonly StoredRecord[]): DecodedBatch {
  const facts: Fact[] = [];
  const deadLetters: DeadLetter[] = [];
  for (const record of records) {
    const decoded = decodeOrReject(record);
    if ("code" in decoded) {
      deadLetters.push(decoded);
    } else {
      facts.push(factOf(decoded));
    }
  }
  return { facts, deadLetters };
}

export function learnersOf(facts: readonly Fact[]): string[] {
  return [...new Set(facts.map((fact) => fact.learnerId))];
}

/** Applies the facts in store order to the progress, which it updates. */
export function evaluateBatch(
  catalog: Catalog,
  progress: ReadonlyMap<string, LearnerProgress>,
  facts: readonly Fact[],
): BadgeChange[] {
  return facts.flatMap((fact) => {
    const learner = progress.get(fact.learnerId);
    return learner ? applyFact(catalog, learner, fact) : [];
  });
}

export interface BatchEffects {
  /** Holdings that end the batch awarded, with their newest award. */
  awards: Award[];
  /** Holdings that end the batch revoked. */
  removals: { learnerId: string; badgeId: string }[];
  /** Every change as an event, in order: the store keeps the history. */
  events: Envelope[];
}

export function effectsOf(changes: readonly BadgeChange[]): BatchEffects {
  const last = new Map<string, BadgeChange>();
  for (const change of changes) {
    last.set(awardKey(change.learnerId, change.badge.id), change);
  }
  const finals = [...last.values()];
  return {
    awards: finals.filter((c) => c.kind === "award").map(awardOf),
    removals: finals
      .filter((c) => c.kind === "revoke")
      .map((c) => ({ learnerId: c.learnerId, badgeId: c.badge.id })),
    events: changes.map((c) =>
      c.kind === "award" ? badgeAwardedEvent(awardOf(c)) : badgeRevokedEvent(c),
    ),
  };
}

function awardOf(change: BadgeChange): Award {
  return {
    learnerId: change.learnerId,
    badgeId: change.badge.id,
    awardedAt: change.fact.occurredAt,
    reason: change.badge.reason,
    triggerEventId: change.fact.id,
    ruleVersion: change.badge.version,
    evidence: {
      rule: {
        badgeId: change.badge.id,
        version: change.badge.version,
        kind: change.badge.rule.kind,
      },
      satisfiedBy: change.evidence,
    },
  };
}

function decodeOrReject(record: StoredRecord): Envelope | DeadLetter {
  const letter = (code: string, reason: string): DeadLetter => ({
    eventId: record.id,
    position: record.cursor.position,
    eventName: record.eventName,
    code,
    reason,
  });

  let envelope: Envelope;
  try {
    envelope = decodeRecord(record).envelope;
  } catch (error) {
    if (error instanceof ValidationError) {
      return letter(error.code, error.message);
    }
    throw error;
  }
  if (envelope.event.type !== record.eventName) {
    return letter(
      "EVENT_NAME_MISMATCH",
      `event_name: ${JSON.stringify(record.eventName)} differs from payload.type ${JSON.stringify(envelope.event.type)}`,
    );
  }
  return envelope;
}
