/**
 * Ids of follow-up events, derived from their cause so that processing the
 * same source event again yields the same id, which the store deduplicates.
 */
import { v5 as uuidv5 } from "uuid";

const awardNamespace = "5c0b7a8e-3f0e-5a57-9d0e-6b2f1b9e8a41";

export function badgeAwardedEventId(
  sourceEventId: string,
  badgeId: string,
): string {
  return uuidv5(`${sourceEventId}/${badgeId}`, awardNamespace);
}

export function badgeRevokedEventId(
  sourceEventId: string,
  badgeId: string,
): string {
  return uuidv5(`${sourceEventId}/${badgeId}/revoked`, awardNamespace);
}
