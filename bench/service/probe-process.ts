/**
 * Runs a measuring script of the benchmark in a Node process of its own,
 * with the heap budget of `npm start`, and returns the JSON it prints.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startFlags } from "./child.js";

export function runProbe<T>(script: URL, settings: unknown): Promise<T> {
  const args = [
    ...startFlags,
    "--import",
    "tsx",
    fileURLToPath(script),
    JSON.stringify(settings),
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`${fileURLToPath(script)} failed: ${stderr.trim()}`));
        return;
      }
      const lastLine = stdout.trim().split("\n").at(-1) ?? "";
      resolve(JSON.parse(lastLine) as T);
    });
  });
}
