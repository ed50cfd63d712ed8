/**
 * Chinese word segmentation through ICU (Intl.Segmenter, maintained with Node's ICU data): full-text search indexes
 * and word-by-word comparison use the same words.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a text in order (punctuation and spaces left out). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** The text as space-separated words, the form a 'simple' tsvector or tsquery is built from. */
export function spacedWords(text: string): string {
  return words(text).join(' ');
}

/** Every segment of a text in order, words and the punctuation and spaces between them: joined, they are the text. */
export function segments(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
