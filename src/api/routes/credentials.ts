/**
 * Open Badges 3.0: each award as a signed credential, the public documents
 * a verifier needs (achievements, status lists, the issuer's keys), and
 * verification of any Open Badges 3.0 credential.
 */
import { z } from "zod";
import type { Api, ApiParts } from "../api-parts.js";
import { HttpProblem } from "../problem.js";
import { problem, problemResponses, uuidParam } from "../schemas.js";

const tags = ["credentials"];
const security = [{ bearer: [] }];

/** Documents keep their key order: a record, not an object schema that would reorder them. */
const document = (id: string, description: string) =>
  z.record(z.string(), z.unknown()).meta({ id, description });

const credential = document(
  "OpenBadgeCredential",
  "A W3C Verifiable Credential (data model 2.0) of type OpenBadgeCredential, with an eddsa-rdfc-2022 Data Integrity proof.",
);

const notFound = (description: string) => ({
  404: {
    description,
    content: { "application/problem+json": { schema: problem } },
  },
});

const verdict = z
  .object({
    valid: z.boolean(),
    checks: z.array(
      z.object({
        check: z.enum(["shape", "proof", "validity", "status"]),
        ok: z.boolean(),
        reason: z.string(),
      }),
    ),
    issuer: z.string().optional(),
    signedByThisService: z.enum(["current key", "retired key"]).optional(),
  })
  .meta({ id: "Verdict" });

export function credentialRoutes(app: Api, parts: ApiParts): void {
  awardCredentialRoutes(app, parts);
  publicDocumentRoutes(app, parts);

  app.post(
    "/v1/credentials/verify",
    {
      onRequest: parts.access.require("badges:read"),
      schema: {
        summary: "Verify an Open Badges 3.0 credential",
        description:
          "Checks shape, proof and issuer key, validity period and status. Answers 200 with the verdict whether or not the credential is valid.",
        tags,
        security,
        body: z.unknown().describe("The credential, as JSON."),
        response: {
          200: verdict,
          ...problemResponses(400, 401, 403, 413, 415),
        },
      },
    },
    async (request) => {
      if (!isObject(request.body)) {
        throw new HttpProblem(
          400,
          "INVALID_CREDENTIAL",
          "the body must be a JSON object: the credential to verify",
          [{ field: "", reason: "must be a JSON object" }],
        );
      }
      return parts.credentials.verify(request.body);
    },
  );
}

function awardCredentialRoutes(app: Api, parts: ApiParts): void {
  app.get(
    "/v1/credentials/:awardId",
    {
      onRequest: parts.access.require("badges:read"),
      schema: {
        summary: "The signed credential of an award",
        description: "`awardId` is the id of the award's BadgeAwarded event.",
        tags,
        security,
        params: z.object({ awardId: uuidParam }),
        response: {
          200: credential,
          ...problemResponses(400, 401, 403),
          ...notFound("No award has this id."),
        },
      },
    },
    async (request) => {
      const { awardId } = request.params;
      const found = await parts.credentials.credential(awardId);
      if (!found) {
        throw new HttpProblem(404, "NOT_FOUND", `no award ${awardId}`);
      }
      return found;
    },
  );

  app.get(
    "/v1/learners/:learnerId/credentials",
    {
      onRequest: parts.access.require("badges:read"),
      schema: {
        summary: "The signed credentials of a learner's badges",
        tags,
        security,
        params: z.object({ learnerId: uuidParam }),
        response: {
          200: z.object({
            learner_id: z.string(),
            credentials: z.array(credential),
          }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const { learnerId } = request.params;
      const credentials =
        await parts.credentials.credentialsOfLearner(learnerId);
      return { learner_id: learnerId, credentials };
    },
  );
}

/** Open to all: a verifier anywhere needs them to check a credential. */
function publicDocumentRoutes(app: Api, parts: ApiParts): void {
  app.get(
    "/v1/achievements/:badgeId",
    {
      schema: {
        summary: "The Open Badges Achievement of a badge, at its id",
        tags,
        params: z.object({ badgeId: uuidParam }),
        response: {
          200: document("Achievement", "An Open Badges 3.0 Achievement."),
          ...problemResponses(400),
          ...notFound("No badge of the catalog has this id."),
        },
      },
    },
    async (request) => {
      const { badgeId } = request.params;
      const found = parts.credentials.achievement(badgeId);
      if (!found) {
        throw new HttpProblem(404, "NOT_FOUND", `no badge ${badgeId}`);
      }
      return found;
    },
  );

  app.get(
    "/v1/credentials/status/:list",
    {
      schema: {
        summary: "A revocation status list",
        description:
          "A signed BitstringStatusListCredential; credentials name their list and index in `credentialStatus`.",
        tags,
        params: z.object({
          list: z.coerce
            .number({ error: "must be a list number" })
            .int({ error: "must be a whole number" })
            .min(0, { error: "must be at least 0" }),
        }),
        response: {
          200: document(
            "BitstringStatusListCredential",
            "A W3C Bitstring Status List credential.",
          ),
          ...problemResponses(400),
        },
      },
    },
    async (request) => parts.credentials.statusList(request.params.list),
  );

  for (const path of parts.credentials.issuerPaths()) {
    app.get(
      path,
      {
        schema: {
          summary: "The issuer's controller document",
          description:
            "Lists the issuer's keys, the current and the retired ones, under assertionMethod.",
          tags,
          response: {
            200: document(
              "ControllerDocument",
              "A controller document with Multikey verification methods.",
            ),
          },
        },
      },
      async () => parts.credentials.issuerDocument(),
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
