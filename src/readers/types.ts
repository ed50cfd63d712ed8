import type { DocumentModel, SourceInfo } from '../document/model.ts';

export interface ReadOptions {
  /** Recognise pages without a text layer with tesseract (when installed). */
  ocr?: boolean;
}

export interface ReaderInput {
  bytes: Uint8Array;
  source: SourceInfo;
}

/** A reader turns bytes into the neutral document model, or throws UnreadableError with a one-line reason. */
export type Reader = (input: ReaderInput, options: ReadOptions) => Promise<DocumentModel> | DocumentModel;
