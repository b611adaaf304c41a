/**
 * The service as operators run it, `node dist/cli/main.js serve`, in a child
 * process, so that it can be killed, restarted and have its memory read.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";

const cliEntry = fileURLToPath(
  new URL("../../dist/cli/main.js", import.meta.url),
);

/** Node's own flags in `npm start`: the heap budget operators run with. */
export const startFlags = (() => {
  const manifest = JSON.parse(
    readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
  ) as { scripts: { start: string } };
  return manifest.scripts.start
    .split(/\s+/)
    .filter((word) => word.startsWith("--"));
})();

let profileFlags: string[] = [];

/** Makes every service process write a V8 CPU profile into `dir` on exit. */
export function profileServicesInto(dir: string): void {
  profileFlags = ["--cpu-prof", `--cpu-prof-dir=${dir}`];
}

export interface ServiceChild {
  readonly pid: number;
  /** Resolves with the exit code, or the signal name when killed. */
  readonly exited: Promise<string>;
  kill(signal: NodeJS.Signals): void;
  /** The end of its output, unless it goes to a file of the caller's. */
  outputTail(): string;
}

export interface ChildOptions {
  databaseUrl: string;
  /** Port of its HTTP API; absent: any free one, so runs never collide. */
  port?: number;
  /** File descriptor for the child's output; absent: its end is kept. */
  outputFd?: number;
  /** JetStream to run on; absent: the service runs without NATS. */
  nats?: NatsSettings;
}

export interface NatsSettings {
  url: string;
  /** Of the run alone, so that no run meets another's streams. */
  namespace: string;
}

export function requireBuiltService(): void {
  if (!existsSync(cliEntry)) {
    throw new Error(`${cliEntry} is missing: run \`npm run build\` first`);
  }
}

export function spawnService(options: ChildOptions): ServiceChild {
  requireBuiltService();
  const output = options.outputFd ?? "pipe";
  const child = spawn(
    process.execPath,
    [...startFlags, ...profileFlags, cliEntry, "serve"],
    {
      // Away from the checkout, so that a developer's .env changes nothing.
      cwd: tmpdir(),
      env: serviceEnv(options),
      stdio: ["ignore", output, output],
    },
  );
  if (child.pid === undefined) {
    throw new Error("the service process did not start");
  }
  const tail = keepTail(child);
  return {
    pid: child.pid,
    exited: exitOf(child),
    kill: (signal) => child.kill(signal),
    outputTail: () => tail.join(""),
  };
}

const tailChunks = 20;

function keepTail(child: ChildProcess): string[] {
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString("utf8"));
    tail.splice(0, Math.max(0, tail.length - tailChunks));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return tail;
}

/** Settings of the caller's own environment that would change what is run. */
const notInherited = new Set(["NATS_URL", "API_TOKENS", "HOST", "PORT"]);

function serviceEnv(options: ChildOptions): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !notInherited.has(name),
  );
  return {
    ...Object.fromEntries(inherited),
    DATABASE_URL: options.databaseUrl,
    LOG_LEVEL: "warn",
    PORT: String(options.port ?? 0),
    ...(options.nats && {
      NATS_URL: options.nats.url,
      NATS_NAMESPACE: options.nats.namespace,
    }),
  };
}

function exitOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    child.once("close", (code, signal) => resolve(signal ?? String(code)));
  });
}

/** Asks the service to stop and waits for it; kills it if it does not. */
export async function stopService(
  child: ServiceChild,
  graceMs = 35_000,
): Promise<string> {
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  try {
    return await child.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs `work`, failing it at once if the service exits meanwhile. */
export async function whileRunning<T>(
  child: ServiceChild,
  work: Promise<T>,
): Promise<T> {
  let settled = false;
  const exit = child.exited.then((how) => {
    if (!settled) {
      const said = child.outputTail().trim().slice(-2000);
      throw new Error(
        `the service process exited (${how}) unexpectedly` +
          (said ? `; its last output:\n${said}` : ""),
      );
    }
    return undefined as never;
  });
  try {
    return await Promise.race([work, exit]);
  } finally {
    settled = true;
  }
}
