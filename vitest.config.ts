import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.unit.spec.ts"],
        },
      },
      {
        test: {
          name: "int",
          include: ["test/**/*.int.spec.ts"],
          globalSetup: ["test/support/postgres-server.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
