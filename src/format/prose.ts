/**
 * How report prose names the template's quantities where its words are not the table labels (the narrative checks
 * read them; labels themselves come from the table definitions).
 */

/** Table 四 groups as the prose names them, with the rows each word covers. */
export const TABLE4_PROSE_GROUPS: readonly { word: string; rows: string[] }[] = [
  { word: '行政复议', rows: ['review'] },
  { word: '行政诉讼', rows: ['litigation_direct', 'litigation_after_review'] },
];

/** A claim that every case ended upheld ("均获维持", "全部予以维持"). */
export const ALL_UPHELD_RE = /(?:均|全部|都|全)(?:已|被|依法)?(?:获|予以|得到|获得|被)?维持/;

/** Table 四 columns a claim that every case was upheld contradicts: cases corrected, or not yet decided. */
export const NOT_UPHELD_COLUMNS: readonly string[] = ['corrected', 'pending'];
