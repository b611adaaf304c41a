/** The badge catalog and a learner's badges. */

import { z } from "zod";
import { explainHolding } from "../../awards/explain.js";
import { badgesOfLearner } from "../../store/learner-badges.js";
import type { Api, ApiParts } from "../api-parts.js";
import {
  catalogResponse,
  explanation,
  learnerBadges,
  problemResponses,
  uuidParam,
} from "../schemas.js";

const tags = ["badges"];
const security = [{ bearer: [] }];

export function badgeRoutes(app: Api, parts: ApiParts): void {
  const names = new Map(parts.catalog.map((badge) => [badge.id, badge.name]));

  app.get(
    "/v1/badges",
    {
      onRequest: parts.access.require("badges:read"),
      schema: {
        summary: "The badge catalog",
        tags,
        security,
        response: {
          200: catalogResponse,
          ...problemResponses(401, 403),
        },
      },
    },
    async () => ({
      badges: parts.catalog.map((badge) => ({
        ...badge,
        rule: { ...badge.rule },
      })),
    }),
  );

  app.get(
    "/v1/learners/:learnerId/badges",
    {
      onRequest: parts.access.require("badges:read"),
      schema: {
        summary: "The badges a learner holds",
        tags,
        security,
        params: z.object({ learnerId: uuidParam }),
        response: {
          200: learnerBadges,
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { learnerId } = request.params;
      const held = await badgesOfLearner(parts.pool, learnerId);
      return {
        learner_id: learnerId,
        badges: held.map((badge) => ({
          badge_id: badge.badgeId,
          name: names.get(badge.badgeId) ?? badge.badgeId,
          reason: badge.reason,
          awarded_at: badge.awardedAt.toISOString(),
          trigger_event_id: badge.triggerEventId,
        })),
      };
    },
  );

  app.get(
    "/v1/learners/:learnerId/badges/:badgeId",
    {
      onRequest: parts.access.require("badges:read"),
      schema: {
        summary: "Why a learner holds a badge, or how far along they are",
        description:
          "The award with the rule version and the events that satisfied it; without an award, the progress so far.",
        tags,
        security,
        params: z.object({ learnerId: uuidParam, badgeId: uuidParam }),
        response: {
          200: explanation,
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { learnerId, badgeId } = request.params;
      return explainHolding(parts.pool, parts.catalog, learnerId, badgeId);
    },
  );
}
