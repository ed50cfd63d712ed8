/** A progress bar on stderr for long batches, shown only on a terminal so pipes and CI stay clean. */
import cliProgress from 'cli-progress';

const MIN_ITEMS = 20;

/** Passes items through, ticking a bar per item; the bar is gone when the items are (also after an early stop). */
export async function* withProgress<T>(items: AsyncIterable<T>, total: number, label: string): AsyncGenerator<T> {
  const bar = total >= MIN_ITEMS && process.stderr.isTTY ? startBar(total, label) : undefined;
  const started = Date.now();
  let done = 0;
  try {
    for await (const item of items) {
      yield item;
      done++;
      bar?.increment(1, { rate: (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1) });
    }
  } finally {
    bar?.stop();
  }
}

function startBar(total: number, label: string): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} {percentage}% {rate} 个/秒 剩余 {eta_formatted}`, stream: process.stderr, hideCursor: false, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '0' });
  return bar;
}
