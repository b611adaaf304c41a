/**
 * The events that record changes of holdings. Their ids and times derive
 * from the change, so recording the same change again yields the same
 * event, which the store keeps once.
 */
import {
  badgeAwardedEventId,
  badgeRevokedEventId,
} from "../domain/award-ids.js";
import type { Envelope } from "../domain/events.js";
import type { BadgeChange } from "../domain/rule-engine/learner-progress.js";
import type { Award } from "../store/learner-badges.js";

export function badgeAwardedEvent(award: Award): Envelope<"BadgeAwarded"> {
  return {
    id: badgeAwardedEventId(award.triggerEventId, award.badgeId),
    occurredAt: award.awardedAt,
    event: {
      type: "BadgeAwarded",
      payload: {
        badgeId: award.badgeId,
        learnerId: award.learnerId,
        awardedAt: award.awardedAt,
        reason: award.reason,
      },
    },
  };
}

export function badgeRevokedEvent(
  change: BadgeChange,
  reason = `${change.badge.name}: its rule no longer holds after ${change.fact.type} ${change.fact.id}`,
): Envelope<"BadgeRevoked"> {
  return {
    id: badgeRevokedEventId(change.fact.id, change.badge.id),
    occurredAt: change.fact.occurredAt,
    event: {
      type: "BadgeRevoked",
      payload: {
        badgeId: change.badge.id,
        learnerId: change.learnerId,
        revokedAt: change.fact.occurredAt,
        reason,
      },
    },
  };
}
