/**
 * Outcomes kept on disk in input order (JSON Lines in a scratch folder), so that a batch whose last step needs the
 * whole batch (pairing years) keeps memory flat: only offsets stay in memory.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { makeScratch, removeScratch } from '../readers/external.ts';
import type { Outcome } from './outcome.ts';

export class OutcomeSpool {
  private readonly spans: { offset: number; length: number }[] = [];
  private end = 0;

  private constructor(
    private readonly dir: string,
    private readonly file: FileHandle,
  ) {}

  static async open(): Promise<OutcomeSpool> {
    const dir = await makeScratch('xxgk-spool-');
    return new OutcomeSpool(dir, await open(join(dir, 'outcomes.jsonl'), 'w+', 0o600));
  }

  get size(): number {
    return this.spans.length;
  }

  async add(outcome: Outcome): Promise<void> {
    const bytes = Buffer.from(`${JSON.stringify(outcome)}\n`);
    await this.file.write(bytes, 0, bytes.length, this.end);
    this.spans.push({ offset: this.end, length: bytes.length });
    this.end += bytes.length;
  }

  async get(index: number): Promise<Outcome> {
    const { offset, length } = this.spans[index];
    const buffer = Buffer.alloc(length);
    await this.file.read(buffer, 0, length, offset);
    return JSON.parse(buffer.toString('utf8')) as Outcome;
  }

  async close(): Promise<void> {
    await this.file.close();
    await removeScratch(this.dir);
  }
}
