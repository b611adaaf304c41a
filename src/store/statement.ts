/**
 * Builds one SQL statement out of parts written by several store modules:
 * each part binds its values here and gets placeholders numbered for the
 * whole statement. A consumer batch sends all its writes as one statement,
 * one round trip, instead of one per table.
 */
export class Statement {
  readonly params: unknown[] = [];

  /** The placeholder of `value` in this statement. */
  bind(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

/** A data-modifying part of a statement, run as one of its WITH queries. */
export interface WritePart {
  /** Names the part, so that the final query can read what it returns. */
  name: string;
  sql: string;
}

/**
 * The parts as WITH queries of one statement, then `final`. PostgreSQL
 * runs every part once, all on one snapshot, so parts must not write the
 * same rows.
 */
export function withParts(parts: readonly WritePart[], final: string): string {
  const queries = parts.map((part) => `${part.name} AS (${part.sql})`);
  return `WITH ${queries.join(",\n")}\n${final}`;
}
