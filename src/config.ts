/**
 * Configuration from environment variables (and a `.env` file, which the CLI
 * loads first). Each setting is validated; a bad one stops the start with
 * an error naming the variable.
 */
import { z } from "zod";
import { BadgeServiceError } from "./domain/errors.js";

const positiveInt = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .positive({ error: "must be positive" })
    .default(fallback);

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
  AWARD_BATCH_SIZE: positiveInt(500),
  CONSUMER_LAG_WARNING_SECONDS: positiveInt(10),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
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
