/** What one injected fault did to the service's guarantees. */

export interface FaultReport {
  fault: string;
  injected: string;
  events: number;
  /** Each broken guarantee, said plainly; empty when all held. */
  violations: string[];
  /** Why the fault was not injected, when it was not. */
  skipped?: string;
  /** Where the service's own output went, for reading after a violation. */
  serviceLog?: string;
}
