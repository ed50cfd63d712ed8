/**
 * A reader worker: reads the inputs its pool sends, one at a time. Its children and scratch folders are registered
 * with the parent, which alone receives signals and cleans up after a worker it had to stop.
 */
import { parentPort } from 'node:worker_threads';
import { forwardResources } from '../readers/external.ts';
import type { ReadOptions } from '../readers/index.ts';
import { readInput, type Input } from './read.ts';
import type { WorkerMessage } from './pool.ts';

const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

forwardResources({
  group: (pid, alive) => send({ type: 'group', pid, alive }),
  scratch: (dir, alive) => send({ type: 'scratch', dir, alive }),
});

port.on('message', async ({ input, options }: { input: Input; options: ReadOptions }) => {
  send({ type: 'done', outcome: await readInput(input, options) });
});
send({ type: 'ready' });
