/**
 * The Open Badges Achievement of a badge: what was earned, published at its
 * id under the public base URL. Fields the catalog may add (description,
 * image, version) are read when present.
 */
import type { Badge } from "../domain/catalog.js";
import { openBadgeContexts } from "./contexts.js";
import { criteriaNarrative } from "./criteria-narrative.js";

export interface Achievement {
  id: string;
  type: ["Achievement"];
  name: string;
  description: string;
  criteria: { id: string; narrative: string };
  image?: { id: string; type: "Image"; caption?: string };
  version?: string;
}

export function achievementUrl(baseUrl: string, badgeId: string): string {
  return `${baseUrl}/v1/achievements/${badgeId}`;
}

export function achievementOf(
  badge: Badge,
  baseUrl: string,
  nameOf?: (badgeId: string) => string,
): Achievement {
  const id = achievementUrl(baseUrl, badge.id);
  const image = imageOf(badge);
  const version = versionOf(badge);
  return {
    id,
    type: ["Achievement"],
    name: badge.name,
    description: textField(badge, "description") ?? badge.reason,
    criteria: {
      id: `${id}#criteria`,
      narrative: criteriaNarrative(badge, nameOf),
    },
    ...(image ? { image } : {}),
    ...(version ? { version } : {}),
  };
}

/**
 * An award of a badge the catalog no longer lists still gets a credential;
 * what it was for is then known only from the award's reason.
 */
export function unlistedAchievement(
  badgeId: string,
  reason: string,
  baseUrl: string,
): Achievement {
  const id = achievementUrl(baseUrl, badgeId);
  return {
    id,
    type: ["Achievement"],
    name: `Badge ${badgeId}`,
    description: reason,
    criteria: { id: `${id}#criteria`, narrative: reason },
  };
}

/** The Achievement as a document of its own, served at its id. */
export function achievementDocument(
  achievement: Achievement,
): Record<string, unknown> {
  return { "@context": openBadgeContexts, ...achievement };
}

function imageOf(badge: Badge): Achievement["image"] {
  const image = (badge as { image?: unknown }).image;
  if (typeof image === "string" && image) {
    return { id: image, type: "Image", caption: badge.name };
  }
  if (typeof image === "object" && image !== null) {
    const { id, caption } = image as { id?: unknown; caption?: unknown };
    if (typeof id === "string" && id) {
      return {
        id,
        type: "Image",
        ...(typeof caption === "string" ? { caption } : {}),
      };
    }
  }
  return undefined;
}

/** Open Badges writes versions as text; a catalog may number them. */
function versionOf(badge: Badge): string | undefined {
  const version = (badge as { version?: unknown }).version;
  return typeof version === "number"
    ? String(version)
    : textField(badge, "version");
}

function textField(badge: Badge, name: string): string | undefined {
  const value = (badge as unknown as Record<string, unknown>)[name];
  return typeof value === "string" && value ? value : undefined;
}
