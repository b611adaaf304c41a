/**
 * A seeded source of numbers and uuids, so that every run of a benchmark or
 * a fault test works on exactly the same events.
 */

export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** The next 32 random bits (xorshift32). */
  nextUint32(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.nextUint32() / 2 ** 32;
  }

  /** An integer in [min, max). */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min));
  }

  /** A version 4 uuid made of seeded bits, valid for strict parsers. */
  uuid(): string {
    const hex = [0, 1, 2, 3]
      .map(() => this.nextUint32().toString(16).padStart(8, "0"))
      .join("");
    const variant = "89ab"[this.nextUint32() & 3] ?? "8";
    return [
      hex.slice(0, 8),
      hex.slice(8, 12),
      `4${hex.slice(13, 16)}`,
      `${variant}${hex.slice(17, 20)}`,
      hex.slice(20, 32),
    ].join("-");
  }
}
