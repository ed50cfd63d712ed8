/** A progress bar on stderr for long batches, shown only on a terminal so pipes and CI stay clean. */
import cliProgress from 'cli-progress';

const MIN_ITEMS = 20;

export class Progress {
  private readonly bar: cliProgress.SingleBar | undefined;

  constructor(total: number, label: string) {
    if (total < MIN_ITEMS || !process.stderr.isTTY) return;
    this.bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {value}/{total} {percentage}% 剩余 {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0);
  }

  tick(): void {
    this.bar?.increment();
  }

  stop(): void {
    this.bar?.stop();
  }
}
