/**
 * Decides, without I/O, what a batch of stored events asks for: the awards
 * its quiz submissions earn and the events that cannot be processed.
 */
import type { Catalog } from "../domain/catalog.js";
import { ValidationError } from "../domain/errors.js";
import { badgesEarned } from "../domain/rules.js";
import type { DeadLetter } from "../store/dead-letters.js";
import { type Award, awardKey } from "../store/learner-badges.js";
import {
  decodeRecord,
  type StoredEvent,
  type StoredRecord,
} from "../store/stored-event.js";

export interface AwardPlan {
  /** At most one per learner and badge: the first event in order earns it. */
  awards: Award[];
  deadLetters: DeadLetter[];
}

export function planAwards(
  records: readonly StoredRecord[],
  catalog: Catalog,
): AwardPlan {
  const awards = new Map<string, Award>();
  const deadLetters: DeadLetter[] = [];

  for (const record of records) {
    const decoded = decodeOrReject(record);
    if ("code" in decoded) {
      deadLetters.push(decoded);
      continue;
    }
    for (const award of awardsEarnedBy(decoded, catalog)) {
      const key = awardKey(award.learnerId, award.badgeId);
      if (!awards.has(key)) {
        awards.set(key, award);
      }
    }
  }
  return { awards: [...awards.values()], deadLetters };
}

function awardsEarnedBy(stored: StoredEvent, catalog: Catalog): Award[] {
  const { envelope } = stored;
  if (envelope.event.type !== "QuizSubmitted") {
    return [];
  }
  const quiz = envelope.event.payload;
  return badgesEarned(catalog, quiz).map((badge) => ({
    learnerId: quiz.learnerId,
    badgeId: badge.id,
    awardedAt: envelope.occurredAt,
    reason: badge.reason,
    triggerEventId: envelope.id,
  }));
}

function decodeOrReject(record: StoredRecord): StoredEvent | DeadLetter {
  const letter = (code: string, reason: string): DeadLetter => ({
    eventId: record.id,
    position: record.cursor.position,
    eventName: record.eventName,
    code,
    reason,
  });

  let stored: StoredEvent;
  try {
    stored = decodeRecord(record);
  } catch (error) {
    if (error instanceof ValidationError) {
      return letter(error.code, error.message);
    }
    throw error;
  }
  if (stored.envelope.event.type !== record.eventName) {
    return letter(
      "EVENT_NAME_MISMATCH",
      `event_name: ${JSON.stringify(record.eventName)} differs from payload.type ${JSON.stringify(stored.envelope.event.type)}`,
    );
  }
  return stored;
}
