/**
 * The OpenBadgeCredential of one award, before signing. Everything in it
 * follows from the award, the catalog and the configuration, so issuing the
 * same award again yields the same content.
 */
import type { Achievement } from "./achievement.js";
import type { AwardRecord } from "./award-records.js";
import { openBadgeContexts } from "./contexts.js";
import type { Profile } from "./issuer.js";
import type { StatusEntry } from "./status-list-credential.js";
import { xsdDateTime } from "./xsd-date-time.js";

export interface CredentialParts {
  award: AwardRecord;
  achievement: Achievement;
  issuer: Profile;
  status: StatusEntry;
}

export function openBadgeCredential(parts: CredentialParts): object {
  const { award, achievement, issuer, status } = parts;
  const evidence = evidenceOf(award);
  return {
    "@context": openBadgeContexts,
    id: `urn:uuid:${award.awardId}`,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: achievement.name,
    description: award.reason,
    issuer,
    validFrom: xsdDateTime(award.awardedAt),
    credentialSubject: {
      id: `urn:uuid:${award.learnerId}`,
      type: ["AchievementSubject"],
      achievement,
    },
    ...(evidence ? { evidence } : {}),
    credentialStatus: status,
  };
}

/** The event that earned the badge, by id: the platform can show what it was. */
function evidenceOf(award: AwardRecord): object[] | undefined {
  const trigger = award.trigger;
  if (!trigger) {
    return undefined;
  }
  return [
    {
      id: `urn:uuid:${trigger.eventId}`,
      type: ["Evidence"],
      name: trigger.eventType,
      description: `The ${trigger.eventType} event of ${xsdDateTime(trigger.occurredAt)} that earned this badge.`,
    },
  ];
}
