/** `explain <learner> <badge>`: why the learner holds the badge, or how far along they are. */
import { explainHolding } from "../awards/explain.js";
import { withDatabase } from "./one-off.js";

export function runExplain(
  learnerId: string,
  badgeId: string,
): Promise<number> {
  return withDatabase(async ({ pool, catalog }) => {
    const explanation = await explainHolding(
      pool,
      catalog,
      learnerId.toLowerCase(),
      badgeId.toLowerCase(),
    );
    process.stdout.write(`${JSON.stringify(explanation, null, 2)}\n`);
    return 0;
  });
}
