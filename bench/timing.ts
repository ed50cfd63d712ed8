/** Best and median of five runs of one question, printed as `label: best / median` in ms. */
export async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${label}: ${ms[0].toFixed(0)} / ${ms[2].toFixed(0)}`);
}
