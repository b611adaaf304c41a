/** The `credential` and `verify` commands, run as a user would, on the built CLI. */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { quizSubmitted } from "../support/events.js";
import { quizMasterId } from "../support/http.js";
import { caughtUp, useTestService } from "../support/test-service.js";
import { specController } from "./support/spec-example.js";
import { freshKeyFolder } from "./support/test-credentials.js";

const run = promisify(execFile);
const cli = "dist/cli/main.js";
const subject = useTestService();

let env: NodeJS.ProcessEnv;
let folder: string;
const learnerId = randomUUID();

beforeAll(async () => {
  env = {
    ...process.env,
    DATABASE_URL: subject.database.url,
    CREDENTIALS_DIR: freshKeyFolder(),
    LOG_LEVEL: "silent",
  };
  folder = await mkdtemp(join(tmpdir(), "edupulse-cli-credentials-"));
  await subject.service.store.append([quizSubmitted(learnerId, 92)]);
  await caughtUp(subject.service);
});

async function command(...args: string[]) {
  return run(process.execPath, [cli, ...args], { env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

async function saved(name: string, content: unknown): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, JSON.stringify(content));
  return path;
}

describe("the credential command", () => {
  it("prints the signed credential of a learner's badge, which verify accepts", async () => {
    const issued = await command("credential", learnerId, quizMasterId);
    const credential = JSON.parse(issued.stdout) as Record<string, unknown>;
    const file = await saved("credential.json", credential);

    const verified = await command("verify", file);

    expect(issued.code).toBe(0);
    expect(credential.name).toBe("Quiz Master");
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toMatch(/^valid: /);
    expect(verified.stdout).toContain("ok    status: not revoked");
  });

  it("fails, naming the learner and badge, for a badge never awarded", async () => {
    const result = await command("credential", randomUUID(), quizMasterId);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/was never awarded badge .* \(NOT_FOUND\)/);
  });
});

describe("the verify command", () => {
  it("exits 1 with the reason for a changed credential", async () => {
    const issued = await command("credential", learnerId, quizMasterId);
    const credential = JSON.parse(issued.stdout) as Record<string, unknown>;
    credential.name = "Grand Master";

    const result = await command(
      "verify",
      await saved("changed.json", credential),
    );

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^NOT valid: /);
    expect(result.stdout).toContain(
      "FAIL  proof: the signature does not match the content",
    );
  });

  it("verifies the specification's example given its issuer's controller document", async () => {
    const example = "test/fixtures/ob3-spec-signed-credential.json";
    const controller = await saved("spec-controller.json", specController);

    const without = await command("verify", example);
    const withKey = await command(
      "verify",
      example,
      "--controller",
      controller,
    );

    expect(without.code).toBe(1);
    expect(without.stdout).toContain(
      "cannot load https://example.edu/issuers/565049#",
    );
    expect(withKey).toMatchObject({ code: 0 });
  });

  it("exits 1 for a file that is not JSON", async () => {
    const path = join(folder, "not.json");
    await writeFile(path, "not json");

    const result = await command("verify", path);

    expect(result.code).toBe(1);
    expect(await readFile(path, "utf8")).toBe("not json");
    expect(result.stderr).toContain("(INVALID_CREDENTIAL)");
  });
});
