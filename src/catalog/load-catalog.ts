/**
 * Loads the badge catalog from a YAML or JSON file. An invalid catalog is
 * refused as a whole, with every problem named by file, badge and field:
 * a badge that silently never fires is worse than a service that does not
 * start.
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import type { Badge, Catalog } from "../domain/catalog.js";
import {
  type CatalogProblem,
  catalogSchema,
  catalogSenseProblems,
} from "../domain/catalog-schema.js";
import { BadgeServiceError } from "../domain/errors.js";
import { jsonPath } from "../domain/validation-issues.js";

export class CatalogError extends BadgeServiceError {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      "INVALID_CATALOG",
      `${file} is not a valid catalog:\n  ${problems.join("\n  ")}`,
    );
  }
}

export async function loadCatalog(file: string): Promise<Catalog> {
  const text = await readFile(file, "utf8").catch((error: unknown) => {
    throw new CatalogError(file, [
      `cannot be read: ${(error as Error).message}`,
    ]);
  });
  return parseCatalog(text, file);
}

export function parseCatalog(text: string, file: string): Catalog {
  const document = parseDocument(text, file);
  const parsed = catalogSchema.safeParse(document);
  if (!parsed.success) {
    throw new CatalogError(
      file,
      parsed.error.issues.map((issue) => describeIssue(issue, document)),
    );
  }
  const badges = parsed.data.badges.map(
    ({ image, reason, ...badge }): Badge => ({
      ...badge,
      reason: reason ?? badge.criteria,
      ...(image === undefined ? {} : { image }),
    }),
  );
  const problems = catalogSenseProblems(badges);
  if (problems.length > 0) {
    throw new CatalogError(
      file,
      problems.map((p) => describeProblem(p, badges)),
    );
  }
  return badges;
}

function parseDocument(text: string, file: string): unknown {
  try {
    return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new CatalogError(file, [
      `is not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${(error as Error).message}`,
    ]);
  }
}

function describeIssue(issue: z.core.$ZodIssue, document: unknown): string {
  const [top, index, ...rest] = issue.path;
  if (top !== "badges" || typeof index !== "number") {
    return `${jsonPath(issue.path) || "(root)"}: ${issue.message}`;
  }
  const badge = (document as { badges: Record<string, unknown>[] }).badges[
    index
  ];
  return `${badgeLabel(badge, index)}: ${jsonPath(rest) || "(badge)"}: ${issue.message}`;
}

function describeProblem(
  problem: CatalogProblem,
  badges: readonly Badge[],
): string {
  return `${badgeLabel(badges[problem.index], problem.index)}: ${problem.field}: ${problem.reason}`;
}

function badgeLabel(
  badge: { name?: unknown; id?: unknown } | undefined,
  index: number,
): string {
  const name = typeof badge?.name === "string" ? `"${badge.name}" ` : "";
  return `badge ${name}(badges[${index}])`;
}
