/**
 * The BadgeAwarded event that records an award. Its id and time derive from
 * the award, so recording the same award again yields the same event.
 */
import { badgeAwardedEventId } from "../domain/award-ids.js";
import type { Envelope } from "../domain/events.js";
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
