/**
 * A learner's progress on every badge of the catalog, and what one event
 * changes about it: awards when a rule starts to hold, revocations when a
 * revocable badge's rule stops holding. Badges about badges are settled
 * in the same step, until nothing changes any more.
 */
import type { Badge, Catalog } from "../catalog.js";
import {
  evidence,
  holds,
  initialState,
  type RuleState,
  step,
} from "./evaluate.js";
import type { Fact } from "./fact.js";
import type { Evidence } from "./qualifying-events.js";

export interface BadgeProgress {
  version: number;
  state: RuleState;
  held: boolean;
  /** Revoked at least once; decides re-awarding under the badge's policy. */
  revoked: boolean;
  /** Changed since it was loaded; only changed progress is written back. */
  dirty: boolean;
}

export type LearnerProgress = Map<string, BadgeProgress>;

export interface BadgeChange {
  kind: "award" | "revoke";
  badge: Badge;
  learnerId: string;
  fact: Fact;
  evidence: Evidence[];
}

export function freshProgress(badge: Badge, held = false): BadgeProgress {
  return {
    version: badge.version,
    state: initialState(badge.rule),
    held,
    revoked: false,
    dirty: true,
  };
}

export function progressOf(
  progress: LearnerProgress,
  badge: Badge,
): BadgeProgress {
  let entry = progress.get(badge.id);
  if (!entry || entry.version !== badge.version) {
    entry = freshProgress(badge, entry?.held ?? false);
    progress.set(badge.id, entry);
  }
  return entry;
}

export function applyFact(
  catalog: Catalog,
  progress: LearnerProgress,
  fact: Fact,
): BadgeChange[] {
  for (const badge of catalog) {
    advance(badge, progressOf(progress, badge), fact);
  }
  return settle(catalog, progress, fact);
}

/** A badge kept for good once held needs no further bookkeeping. */
function advance(badge: Badge, entry: BadgeProgress, fact: Fact): void {
  if (entry.held && badge.revocation === "never") {
    return;
  }
  const next = step(badge.rule, entry.state, fact);
  if (next !== entry.state) {
    entry.state = next;
    entry.dirty = true;
  }
}

function settle(
  catalog: Catalog,
  progress: LearnerProgress,
  fact: Fact,
): BadgeChange[] {
  const changes: BadgeChange[] = [];
  const holding = (badgeId: string) => progress.get(badgeId)?.held ?? false;
  for (let round = 0; round <= catalog.length; round += 1) {
    const found = catalog
      .map((badge) => decide(badge, progressOf(progress, badge), fact, holding))
      .filter((change) => change !== undefined);
    if (found.length === 0) {
      break;
    }
    changes.push(...found);
  }
  return changes;
}

function decide(
  badge: Badge,
  entry: BadgeProgress,
  fact: Fact,
  holding: (badgeId: string) => boolean,
): BadgeChange | undefined {
  if (entry.held && badge.revocation === "never") {
    return undefined;
  }
  const now = holds(badge.rule, entry.state, holding);
  const mayAward = !entry.revoked || badge.revocation === "revoke-and-reaward";
  if (now && !entry.held && mayAward) {
    entry.held = true;
    entry.dirty = true;
    return change(
      "award",
      badge,
      fact,
      evidence(badge.rule, entry.state, holding),
    );
  }
  if (!now && entry.held) {
    entry.held = false;
    entry.revoked = true;
    entry.dirty = true;
    return change("revoke", badge, fact, []);
  }
  return undefined;
}

function change(
  kind: BadgeChange["kind"],
  badge: Badge,
  fact: Fact,
  found: Evidence[],
): BadgeChange {
  return { kind, badge, learnerId: fact.learnerId, fact, evidence: found };
}
