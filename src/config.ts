/**
 * Configuration from environment variables (and a `.env` file, which the CLI
 * loads first). Each setting is validated; a bad one stops the start with
 * an error naming the variable.
 */
import { z } from "zod";
import { scopes } from "./api/access.js";
import { credentialVariables } from "./credentials/credential-settings.js";
import { BadgeServiceError } from "./domain/errors.js";

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .positive({ error: "must be positive" })
    .default(fallback);

const apiTokens = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: "custom", message: "must be JSON" });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(
      z.object({
        name: z.string().min(1),
        token: z.string().min(16, { error: "must be at least 16 characters" }),
        scopes: z.array(z.enum(scopes)).min(1),
      }),
    ),
  );

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      error: "must be a postgres:// or postgresql:// connection string",
    })
    .optional(),
  EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
  EMBEDDED_PG_DATABASE: z.string().min(1).default("edupulse_badges"),
  DATABASE_POOL_SIZE: positiveInt(10),
  CATALOG_FILE: z.string().min(1).optional(),
  AWARD_BATCH_SIZE: positiveInt(2000),
  AWARD_PROGRESS_CACHE_LEARNERS: positiveInt(5000),
  CONSUMER_LAG_WARNING_SECONDS: positiveInt(10),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce
    .number({ error: "must be a number" })
    .int()
    .min(0)
    .max(65_535, { error: "must be a port number" })
    .default(8080),
  API_TOKENS: apiTokens.default([]),
  BATCH_MAX_EVENTS: positiveInt(1000),
  BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
  INGEST_MAX_WAIT_MS: z.coerce.number().min(0).max(1000).default(0),
  INGEST_COMMITS_IN_FLIGHT: positiveInt(4),
  NATS_URL: z
    .string()
    .regex(/^(nats|tls):\/\//, { error: "must be a nats:// or tls:// URL" })
    .optional(),
  NATS_NAMESPACE: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, {
      error: "must be lower-case letters, digits, - or _",
    })
    .default("edupulse"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  ...credentialVariables,
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends BadgeServiceError {
  constructor(message: string) {
    super("INVALID_CONFIG", message);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(withoutEmptyValues(env));
  if (parsed.success) {
    return parsed.data;
  }
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join(".")}: ${issue.message}`,
  );
  throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
}

/** `FOO=` in a shell or `.env` means "not set", as users expect. */
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && entry[1] !== "",
    ),
  );
}
