/**
 * Recognises a table's row labels and header labels in a cell, derived from the format definition: spacing,
 * punctuation width, quotes and numbering style do not matter, except where the bare label is ambiguous
 * ("3.其他" is a row, "其他" a column header; "（七）总计" a row, "总计" a header).
 */
import type { RowDef, TableDef } from '../format/types.ts';
import { labelKey, splitLabel } from '../text/normalize.ts';

interface RowKey {
  row: RowDef;
  /** The label's own innermost numbering, required when the bare core is ambiguous. */
  numbering?: string;
}

/**
 * A row label, or a header. A header that is also the bare form of a row label ("总计" for "（七）总计") names that row
 * in `bare`: it is the row only when values follow it on the same line.
 */
export type LabelMatch = { kind: 'row'; row: RowDef } | { kind: 'header'; core: string; bare?: RowDef };

/** Labels are short; longer texts are prose, not worth caching. */
const MAX_CACHED = 80;
/** Longer than any label even with its group label and spacing glued on: prose, never a label. */
const MAX_LABEL = 120;

const OPEN_BRACKET_RE = /[(（]/;
/** Instructions run to the end of the cell: closed there, or cut off before their closing bracket. */
const ANNOTATION_RE = /^[(（](?:[^)）]*|.*[)）]\s*)$/s;
/** Longest label before its instructions; a bracket further in belongs to prose. */
const MAX_LABEL_HEAD = 45;
/** Brackets tried from the left before giving up on a text as an annotated label. */
const MAX_ANNOTATION_TRIES = 3;

/** Shortest start of a label accepted for a label cut off or wrapped in the source. */
const MIN_PREFIX = 4;

const matchers = new WeakMap<TableDef, LabelMatcher>();

export class LabelMatcher {
  /** The matcher of a table definition, built once. */
  static for(table: TableDef): LabelMatcher {
    if (!matchers.has(table)) matchers.set(table, new LabelMatcher(table));
    return matchers.get(table)!;
  }

  private readonly rows = new Map<string, RowKey[]>();
  private readonly headers = new Set<string>();
  /** Label keys of group cells that may be glued in front of a row label in one cell. */
  private readonly groupPrefixes: string[];
  private readonly cores: string[];

  constructor(readonly table: TableDef) {
    const headerCores = new Set(table.headers.map((h) => splitLabel(h).core));
    const labels = table.rows.flatMap((row) => [row.label, ...(row.variants ?? [])].map((label) => ({ row, label })));
    const coreCount = new Map<string, number>();
    for (const { label } of labels) {
      const core = splitLabel(label).core;
      coreCount.set(core, (coreCount.get(core) ?? 0) + 1);
    }
    for (const { row, label } of labels) {
      const { core, numbering } = splitLabel(label);
      const ambiguous = headerCores.has(core) || (coreCount.get(core) ?? 0) > 1;
      const key: RowKey = { row, numbering: ambiguous ? numbering.at(-1) : undefined };
      this.rows.set(core, [...(this.rows.get(core) ?? []), key]);
    }
    for (const h of headerCores) if (!this.rows.has(h) || this.rows.get(h)!.every((k) => k.numbering)) this.headers.add(h);
    this.groupPrefixes = [...new Set(table.rows.map((r) => r.group).filter((g): g is string => !!g))].map(labelKey);
    this.cores = [...this.rows.keys()];
  }

  /** Labels repeat across cells and reports: matching is cached per matcher, bounded. */
  private readonly cache = new Map<string, LabelMatch | undefined>();

  match(text: string): LabelMatch | undefined {
    if (text.length > MAX_LABEL) return this.matchAnnotated(text);
    if (text.length > MAX_CACHED) return this.matchUncached(text);
    if (this.cache.has(text)) return this.cache.get(text);
    if (this.cache.size > 20_000) this.cache.clear();
    const m = this.matchUncached(text);
    // A fresh copy as the key: the cell text may be a slice that would keep the whole source document alive.
    this.cache.set(Array.from(text).join(''), m);
    return m;
  }

  private matchUncached(text: string): LabelMatch | undefined {
    const direct = this.matchKey(text);
    if (direct) return direct;
    const key = labelKey(text);
    for (const prefix of this.groupPrefixes) {
      if (key.length > prefix.length && key.startsWith(prefix)) {
        const rest = this.matchKey(key.slice(prefix.length)) ?? this.matchPrefix(key.slice(prefix.length));
        if (rest?.kind === 'row') return rest;
      }
    }
    return this.matchPrefix(text) ?? this.matchAnnotated(text);
  }

  /**
   * A label followed by the filling instructions some regions print in it ("规章（设区的市、自治州人民政府应提供相关数据）",
   * "上一年项目数量（指2019年事项数）"), the instructions possibly cut off: the text before a bracket is the label.
   */
  private matchAnnotated(text: string): LabelMatch | undefined {
    for (let at = text.search(OPEN_BRACKET_RE), tries = 0; at > 0 && at <= MAX_LABEL_HEAD && tries < MAX_ANNOTATION_TRIES; tries++) {
      const m = ANNOTATION_RE.test(text.slice(at)) ? this.matchKey(text.slice(0, at)) : undefined;
      if (m) return m;
      const next = text.slice(at + 1).search(OPEN_BRACKET_RE);
      at = next < 0 ? -1 : at + 1 + next;
    }
    return undefined;
  }

  /** The one row whose label starts with this text ("（二）部分公开（区分处理的，只计" wrapped in a PDF). */
  private matchPrefix(text: string): LabelMatch | undefined {
    const { core, numbering } = splitLabel(text);
    if (core.length < MIN_PREFIX) return undefined;
    const rows = new Set<RowDef>();
    for (const [full, keys] of this.rows) {
      if (full.length <= core.length || !full.startsWith(core)) continue;
      for (const k of keys) if (!numbering.length || !k.numbering || k.numbering === numbering.at(-1)) rows.add(k.row);
    }
    return rows.size === 1 ? { kind: 'row', row: [...rows][0] } : undefined;
  }

  /** True when the cell starts a row label that continues in the next cell (a label broken over lines). */
  isLabelStart(text: string): boolean {
    if (text.length > MAX_CACHED || /^[\d\s.,/-]*$/.test(text)) return false;
    let start = this.startCache.get(text);
    if (start === undefined) {
      if (this.startCache.size > 20_000) this.startCache.clear();
      const { core } = splitLabel(text);
      start = core.length >= 3 && this.cores.some((c) => c.length > core.length && c.startsWith(core));
      this.startCache.set(Array.from(text).join(''), start);
    }
    return start;
  }

  private readonly startCache = new Map<string, boolean>();

  private matchKey(text: string): LabelMatch | undefined {
    const { core, numbering } = splitLabel(text);
    if (!core) return undefined;
    const keys = this.rows.get(core);
    const hit = keys?.find((k) => !k.numbering || k.numbering === numbering.at(-1));
    if (hit) return { kind: 'row', row: hit.row };
    if (this.headers.has(core)) return { kind: 'header', core, bare: keys?.length === 1 ? keys[0].row : undefined };
    return undefined;
  }
}
