/** A one-line progress bar on stderr, redrawn in place, for long replays. */
export class ProgressBar {
  private lastDrawn = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly width = 30,
  ) {}

  update(done: number): void {
    const share = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const percent = Math.floor(share * 100);
    if (percent === this.lastDrawn || !process.stderr.isTTY) {
      return;
    }
    this.lastDrawn = percent;
    const filled = Math.round(share * this.width);
    const bar = `${"#".repeat(filled)}${"-".repeat(this.width - filled)}`;
    process.stderr.write(
      `\r${this.label} [${bar}] ${percent}% (${done}/${this.total})`,
    );
  }

  done(): void {
    if (process.stderr.isTTY && this.lastDrawn >= 0) {
      process.stderr.write("\n");
    }
  }
}
