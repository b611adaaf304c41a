/**
 * Learner progress as the consumer's last committed batch left it, so that
 * a batch reads from the database only the learners it has not seen
 * lately. What it holds is true only while the checkpoint row still has
 * the version that commit gave it: any other writer (a competing worker,
 * a backfill) counts the version up, and everything held is dropped.
 * Bounded by learners; those seen longest ago go first.
 */
import type { LearnerProgress } from "../domain/rule-engine/learner-progress.js";

export class ProgressCache {
  private readonly learners = new Map<string, LearnerProgress>();
  private checkpointVersion: number | undefined;

  constructor(private readonly maxLearners: number) {}

  /**
   * The held progress of these learners, if the checkpoint stands at the
   * version this cache was left at; nothing otherwise.
   */
  lookup(
    checkpointVersion: number,
    learnerIds: readonly string[],
  ): Map<string, LearnerProgress> {
    if (checkpointVersion !== this.checkpointVersion) {
      this.drop();
      return new Map();
    }
    const found = new Map<string, LearnerProgress>();
    for (const learnerId of learnerIds) {
      const progress = this.learners.get(learnerId);
      if (progress) {
        found.set(learnerId, progress);
      }
    }
    return found;
  }

  /** Keeps the progress a batch committed, with the checkpoint version it wrote. */
  keep(
    checkpointVersion: number,
    committed: ReadonlyMap<string, LearnerProgress>,
  ): void {
    for (const [learnerId, progress] of committed) {
      for (const entry of progress.values()) {
        entry.dirty = false;
      }
      // Re-inserting moves the learner to the young end of the map's order.
      this.learners.delete(learnerId);
      this.learners.set(learnerId, progress);
    }
    for (const learnerId of this.learners.keys()) {
      if (this.learners.size <= this.maxLearners) {
        break;
      }
      this.learners.delete(learnerId);
    }
    this.checkpointVersion = checkpointVersion;
  }

  /**
   * Forgets everything: after a batch that did not commit, whose
   * evaluation may have changed held progress in place.
   */
  drop(): void {
    this.learners.clear();
    this.checkpointVersion = undefined;
  }
}
