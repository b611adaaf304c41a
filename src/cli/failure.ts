/**
 * Turns a failure into one clear line on stderr and an exit code. Errors
 * with a code are the user's to fix and need no stack trace.
 */
export function reportFailure(error: unknown): number {
  if (
    error instanceof Error &&
    "code" in error &&
    typeof error.code === "string"
  ) {
    process.stderr.write(`edupulse-badges: ${error.message} (${error.code})\n`);
    return 1;
  }
  process.stderr.write(`edupulse-badges: unexpected failure\n`);
  console.error(error);
  return 70;
}
