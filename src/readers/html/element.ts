/** The elements and events the HTML tree builder (tree.ts) hands to the block builder (blocks.ts). */

/** An element as the reader sees it. */
export class El {
  closed = false;
  /** Elements taken off the stack from under this one while it was open: the reader ends them after this one. */
  endsAfter: El[] | null = null;
  /** The reader's own data for the element (what it collects of a table). */
  data: unknown = undefined;

  constructor(
    readonly tag: string,
    /** The tag's id (tags.ts), -1 for an unknown tag. */
    readonly id: number,
    /** Tag flags (tags.ts). */
    readonly flags: number,
    /** Offset of its `<` in the source (that of the first cell for an implied row). */
    readonly start: number,
    /** Hidden (`hidden`, `display:none`) or dropped (script, head…): nothing inside is read. */
    readonly skip: boolean,
    /**
     * The table a table, row, cell, section or caption belongs to (a table's own context for a table); for an element
     * written between a table's rows, the table a browser moves it out of, in front.
     */
    public table: TableContext | null,
    /** Written between rows (not in a cell): a browser moves it before the table ("foster parenting"). */
    readonly fostered: boolean,
    readonly rowSpan?: number,
    readonly colSpan?: number,
  ) {}
}

/** The open parts of an open table. */
export interface TableContext {
  readonly el: El;
  section: El | null;
  row: El | null;
  cell: El | null;
  caption: El | null;
}

/** What the reader does with the document, in source order. */
export interface TreeSink {
  open(el: El): void;
  close(el: El): void;
  /**
   * Text; `runStart` is where the text node it belongs to starts (text split by entities is one node). `fostered` is
   * the table when the text stands between its rows, where a browser moves it before the table.
   */
  text(data: string, runStart: number, fostered: TableContext | null): void;
  /** `</br>`, or `</p>` without an open `<p>` (an empty paragraph): ends the current line (`fostered` as for text). */
  lineBreak(fostered: TableContext | null): void;
}
