#!/usr/bin/env node
/**
 * The command line of the badge service: `serve`, `demo` and `migrate`.
 * Commands return an exit code; only this file turns failures into output.
 */
import { existsSync } from "node:fs";
import { Command } from "commander";
import { runBackfill } from "./backfill.js";
import { runCredential, runRotateKey } from "./credential.js";
import { runDemo } from "./demo.js";
import { runExplain } from "./explain.js";
import { reportFailure } from "./failure.js";
import { runMigrate } from "./migrate.js";
import { runServe } from "./serve.js";
import { runVerify } from "./verify.js";

if (existsSync(".env")) {
  process.loadEnvFile(".env");
}

const program = new Command()
  .name("edupulse-badges")
  .description(
    "Awards EduPulse badges from learning events, each at most once, " +
      "recorded with its BadgeAwarded event in one transaction.",
  );

program
  .command("serve")
  .description(
    "apply migrations and run the award consumer until SIGINT or SIGTERM",
  )
  .action(() => run(runServe));

program
  .command("demo")
  .description(
    "submit one quiz scored 96.5 for a new learner and print the award it earns",
  )
  .action(() => run(runDemo));

program
  .command("migrate")
  .description("apply pending database migrations and exit")
  .action(() => run(runMigrate));

program
  .command("backfill")
  .description(
    "replay the stored events against the current catalog and award or revoke what changed",
  )
  .option("--dry-run", "only print, per badge, who would gain or lose it")
  .option("--examples <n>", "learners to list per badge", "5")
  .action((options: { dryRun?: boolean; examples: string }) =>
    run(() =>
      runBackfill({
        dryRun: options.dryRun ?? false,
        examples: Number(options.examples),
      }),
    ),
  );

program
  .command("explain <learner> <badge>")
  .description("show why a learner holds a badge, or how far along they are")
  .action((learner: string, badge: string) =>
    run(() => runExplain(learner, badge)),
  );

program
  .command("credential <learner> <badge>")
  .description(
    "print the signed Open Badges 3.0 credential of a learner's badge",
  )
  .action((learner: string, badge: string) =>
    run(() => runCredential(learner, badge)),
  );

program
  .command("verify <file>")
  .description(
    "verify an Open Badges 3.0 credential; exit 0 if valid, 1 if not",
  )
  .option(
    "--controller <file...>",
    "controller documents to trust for keys that cannot be resolved offline",
  )
  .action((file: string, options: { controller?: string[] }) =>
    run(() => runVerify(file, options)),
  );

program
  .command("rotate-key")
  .description(
    "give the issuer a new signing key; earlier keys still verify what they signed",
  )
  .action(() => run(runRotateKey));

async function run(command: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await command();
  } catch (error) {
    process.exitCode = reportFailure(error);
  }
}

await program.parseAsync();
