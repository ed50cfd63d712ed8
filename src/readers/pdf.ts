// Placeholder until the pdf reader lands; replaced in the same session.
import { UnreadableError } from '../document/errors.ts';
import type { DocumentModel } from '../document/model.ts';
import type { ReaderInput } from './types.ts';

export function readPdf(_input: ReaderInput): DocumentModel {
  throw new UnreadableError('unsupported', '暂不支持该格式', 'format not supported yet');
}
