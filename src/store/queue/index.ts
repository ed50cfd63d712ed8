/**
 * Imports beyond one machine: files stored and enqueued on the shared PostgreSQL (`xxgk import --queue`), taken by
 * any number of workers (`xxgk worker`), watched and re-queued with `xxgk jobs`.
 */
export { DEAD_QUEUE, DEFAULT_POLICY, IMPORT_QUEUE, JobQueue, jobIdOf, type DeadJob, type ImportJob, type JobState, type QueueOptions, type RetryPolicy } from './jobs.ts';
export { enqueueFiles, type EnqueueEvent, type EnqueueOptions, type EnqueueStatus } from './enqueue.ts';
export { ImportWorker, type WorkEvent, type WorkerOptions } from './work.ts';
