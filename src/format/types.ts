/** Types of the declarative statutory format: tables, rows, columns, identities, sections. */

export type FormatVersionId = '2021' | '2019';
export type TableId = 'table2' | 'table3' | 'table4';

/** How a row's cells are written in Report JSON. */
export type RowShape = 'array' | 'object' | 'scalar';

/** What a cell counts: item counts must be non-negative integers, money may have decimals, change is signed. */
export type CellKind = 'count' | 'money' | 'change';

export interface ColumnDef {
  id: string;
  /** Official header label. */
  label: string;
  kind?: CellKind;
}

export interface RowDef {
  id: string;
  /** Official label, including its numbering as printed in the template (e.g. "（一）予以公开"). */
  label: string;
  /** Other spellings met in the wild (numbering may be omitted; matching ignores spacing and punctuation width). */
  variants?: string[];
  /** Columns of this row (table 三 rows share one list). */
  columns: ColumnDef[];
  shape: RowShape;
  /** Group label printed in a spanned cell before the row, e.g. "（三）不予公开". */
  group?: string;
  /** Template clause, e.g. "第二十条第（一）项". */
  clause?: string;
  /** A row only some regions' templates print (Hubei's 其他主动公开文件): its absence is no finding. */
  optional?: boolean;
}

/**
 * A linear identity the template implies, declared once per table and expanded per column or row.
 * `each: 'column'` means: for every column index, sum(lhs rows) = sum(rhs rows).
 * `each: 'row'` means: for every row, sum(lhs columns) = sum(rhs columns).
 */
export interface IdentityTemplate {
  id: string;
  each: 'column' | 'row';
  lhs: string[];
  rhs: string[];
  /** For `each: 'row'`, the rows it applies to (default: all rows). */
  rows?: string[];
  /** Chinese description for messages and docs, e.g. "第一项+第二项=第三项+第四项". */
  description: string;
}

export interface TableDef {
  id: TableId;
  version: FormatVersionId;
  /** Section number that holds the table. */
  section: string;
  title: string;
  rows: RowDef[];
  /** Labels that may appear in the table but carry no values: column headers, group labels, notes. */
  headers: string[];
  /** Labels that only this version's table has, used to tell versions apart by shape. */
  signature: string[];
  identities: IdentityTemplate[];
  /**
   * Rows whose labels are column-group headers rather than row labels (table 四): their values may come as one
   * unlabelled run in row order.
   */
  unlabelledRun?: boolean;
}

export interface SectionDef {
  number: string;
  title: string;
  /** Keywords any of which identifies a heading as this section (titles vary in the wild). */
  keywords: string[];
  table?: TableId;
}

export interface FormatVersion {
  id: FormatVersionId;
  /** The document that defines it. */
  basis: string;
  firstYear: number;
  lastYear?: number;
  sections: SectionDef[];
  tables: Record<TableId, TableDef>;
}
