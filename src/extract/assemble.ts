/**
 * Turns what was read of one table into Report JSON cells with provenance and findings: aligned rows are typed cell
 * by cell; rows whose count did not fit are reported and recovered only when the arithmetic leaves one reading.
 */
import { createFinding, sourcePlace, type Finding, type FindingInit, type Medium, type RuleMeta, type SourcePlace } from '../document/finding.ts';
import type { SourcePos } from '../document/model.ts';
import { cellKey, expandIdentities, type CellRef } from '../format/identities.ts';
import { cellPhrase, tableName } from '../format/index.ts';
import type { RowDef, TableDef } from '../format/types.ts';
import { rowJson } from '../report/cells.ts';
import type { CellProvenance } from '../report/types.ts';
import { parseValue, type CellValue } from '../text/values.ts';
import { recoverBlanks, recoverUnit, type Known, type LostUnit, type Settled } from './recover.ts';
import { alignRuled, type Slot } from './align.ts';
import type { RowRead, TableRead } from './rows.ts';
import { EXTRACT_RULES } from './rules.ts';

export interface AssembledTable {
  json: Record<string, unknown>;
  provenance: Record<string, CellProvenance>;
  findings: Finding[];
}

interface Lost extends LostUnit {
  pos: SourcePos;
  /** The count finding, completed with the outcome of recovery. */
  finding: Finding;
}

/** What one table's assembly needs besides the read: where provenance goes and how positions become places. */
interface Assembly {
  out: AssembledTable;
  values: Map<string, CellValue>;
  /** The source place of a document position. */
  place: (pos: SourcePos) => SourcePlace | undefined;
  /** Adds a finding raised at a document position. */
  emit: (meta: RuleMeta, init: Omit<FindingInit, 'source'>, at: SourcePos) => Finding;
}

/** Assembles one table; provenance is written into the report's own map (shared by all tables). */
export function assembleTable(read: TableRead, provenance: Record<string, CellProvenance>, medium: Medium): AssembledTable {
  const { table } = read;
  const name = tableName(table.id);
  const out: AssembledTable = { json: {}, provenance, findings: [] };
  const place = (pos: SourcePos) => sourcePlace(medium, pos);
  const emit: Assembly['emit'] = (meta, init, at) => {
    const finding = createFinding(meta, { ...init, source: place(at) });
    out.findings.push(finding);
    return finding;
  };
  const asm: Assembly = { out, values: new Map(), place, emit };
  const { values } = asm;
  const lost: Lost[] = [];

  const rows = table.unlabelledRun ? splitRun(read, table, lost, asm) : read.rows;
  for (const row of table.rows) {
    const r = rows.get(row.id);
    if (!r) continue;
    const refs = row.columns.map((_, col): CellRef => ({ table: table.id, row: row.id, col }));
    if (r.inferred) {
      const message = r.inferred.label === null
        ? `${name}有一行数值没有行标签，按模板行序和数值个数归入「${row.label}」`
        : `${name}行标签“${r.inferred.label}”与模板不符，按模板行序和相邻行识别为「${row.label}」`;
      emit(EXTRACT_RULES.rowLabelInferred, { message, cells: refs.map((ref) => cellKey(table, ref)) }, r.labelPos);
    }
    if (r.aligned) {
      r.slots.forEach((slot, col) => typeCell(table, row, col, slot, asm));
      continue;
    }
    const message = `${name}「${row.label}」行：应有${row.columns.length}个数值，实有${r.slots.length}个`;
    const unit = lostUnit(table, refs, r.slots, r.labelPos, message, asm);
    unit.unseenBlank = r.blanksDropped === true && !(r.last && read.endsDocument);
    lost.push(unit);
  }

  recoverAll(table, lost, asm);
  for (const unit of lost) {
    unit.finding.message += unit.seen.length ? '，无法唯一确定各数值所在的列，未填入' : '，未填入';
    for (const ref of unit.cells) {
      const key = cellKey(table, ref);
      values.set(key, null);
      out.provenance[key] = { ...asm.place(unit.pos), status: 'unknown' };
    }
  }
  for (const dup of read.duplicates) {
    emit(EXTRACT_RULES.rowDuplicate, { message: `${name}「${dup.row.label}」行重复出现，已采用第一次出现的数值` }, dup.labelPos);
  }
  for (const stray of read.strays) {
    emit(EXTRACT_RULES.strayValue, { message: `${name}中的数值“${stray.text}”不属于任何行，未采用` }, stray.pos);
  }
  out.json = toJson(table, values);
  return out;
}

function typeCell(table: TableDef, row: RowDef, col: number, slot: Slot, asm: Assembly): void {
  const key = cellKey(table, { row: row.id, col });
  const parsed = parseValue(slot.text, row.columns[col].kind);
  const prov: CellProvenance = { ...asm.place(slot.pos) };
  let value: CellValue;
  if (parsed.kind === 'number') value = parsed.value;
  else if (parsed.kind === 'blank') value = null;
  else if (parsed.kind === 'na') value = '/';
  else {
    prov.raw = parsed.raw;
    prov.status = parsed.value === undefined ? 'unknown' : 'text';
    value = parsed.value ?? null;
    const cell = cellPhrase(table, row, row.columns[col]);
    const interpreted = parsed.value !== undefined;
    asm.emit(interpreted ? EXTRACT_RULES.valueInterpreted : EXTRACT_RULES.valueText, {
      message: interpreted ? `${cell}：${parsed.note}` : `${cell}：“${parsed.raw}”不是数值，未采用`,
      cells: [key],
    }, slot.pos);
  }
  asm.values.set(key, value);
  asm.out.provenance[key] = prov;
}

/** A unit whose cells lost their columns, with its count finding (an error whatever recovery finds). */
function lostUnit(table: TableDef, cells: CellRef[], slots: Slot[], labelPos: SourcePos, message: string, asm: Assembly): Lost {
  const texts = slots.map((s) => s.text.replace(/\s+/g, ''));
  const numbers = texts.map((t) => parseValue(t)).map((v) => (v.kind === 'number' ? v.value : v.kind === 'na' ? 0 : NaN));
  const digits = texts.length === 1 && /^\d+$/.test(texts[0]) && texts[0].length >= cells.length && cells.length > 1 ? texts[0] : undefined;
  const pos = slots[0]?.pos ?? labelPos;
  const finding = asm.emit(EXTRACT_RULES.rowValueCount, {
    message, cells: cells.map((c) => cellKey(table, c)), expected: cells.length, actual: slots.length,
  }, pos);
  return { cells, seen: numbers.some(Number.isNaN) ? [NaN] : numbers, digits, pos, finding };
}

/** Recovers lost units as long as each round of recoveries makes another possible. */
function recoverAll(table: TableDef, lost: Lost[], asm: Assembly): void {
  if (!lost.length) return;
  const { values, out } = asm;
  const identities = expandIdentities(table);
  const known: Known = new Map();
  for (const [k, v] of values) known.set(k, typeof v === 'number' ? v : 0);
  for (let progress = true; progress && lost.length; ) {
    progress = false;
    for (const unit of [...lost]) {
      if (unit.seen.some(Number.isNaN)) continue;
      // Cells a copy dropped as blanks are blank, not the zeros the arithmetic would solve them to; only when no
      // reading with blanks fits did the row lose values, and the arithmetic alone may place them.
      const settled = unit.unseenBlank && !unit.digits ? recoverBlanks(table, identities, known, unit) : 'none';
      if (settled === undefined) continue;
      if (settled !== 'none') {
        lost.splice(lost.indexOf(unit), 1);
        settle(table, unit, settled, known, asm);
        progress = true;
        continue;
      }
      const solved = recoverUnit(table, identities, known, unit);
      if (!solved) continue;
      lost.splice(lost.indexOf(unit), 1);
      unit.cells.forEach((ref, i) => {
        const key = cellKey(table, ref);
        values.set(key, solved[i]);
        known.set(key, solved[i]);
        out.provenance[key] = { ...asm.place(unit.pos), status: 'recovered' };
      });
      unit.finding.message += unit.digits
        ? `（数字连在一起：“${unit.digits}”），按表格勾稽关系唯一拆分为 ${solved.join('、')}`
        : `，按表格勾稽关系唯一推定为 ${solved.join('、')}`;
      progress = true;
    }
  }
}

/**
 * A row of a copy that dropped its blank cells, settled in part: the cells every consistent reading agrees on are
 * recovered, the others stay unknown; the count finding says which is which.
 */
function settle(table: TableDef, unit: Lost, settled: Settled, known: Known, asm: Assembly): void {
  const row = table.rows.find((r) => r.id === unit.cells[0].row)!;
  const placed: string[] = [];
  unit.cells.forEach((ref, i) => {
    const key = cellKey(table, ref);
    const value = settled[i];
    asm.values.set(key, value ?? null);
    asm.out.provenance[key] = { ...asm.place(unit.pos), status: value === undefined ? 'unknown' : 'recovered' };
    if (value === undefined) return;
    known.set(key, value ?? 0);
    placed.push(`“${row.columns[ref.col].label}”${value === null ? '为空白' : `为 ${value}`}`);
  });
  const inferred = settled.every((v) => v === null) ? '各列均为空白' : placed.join('、');
  unit.finding.message += `；未显示的单元格按副本丢掉的空白计，按表格勾稽关系唯一推定${inferred}`
    + (settled.some((v) => v === undefined) ? '，其余各列无法唯一确定，未填入' : '');
}

/** 表四 comes as one run of values in row order: split it into its groups when the count fits. */
function splitRun(read: TableRead, table: TableDef, lost: Lost[], asm: Assembly): Map<string, RowRead> {
  const rows = new Map<string, RowRead>();
  const total = table.rows.reduce((n, r) => n + r.columns.length, 0);
  if (!read.run.length) return rows;
  const { slots: run, aligned } = alignRuled(read.run, total, false);
  if (aligned) {
    let at = 0;
    for (const row of table.rows) {
      const slots = run.slice(at, at + row.columns.length);
      rows.set(row.id, { row, labelPos: slots[0].pos, slots, aligned: true, open: false });
      at += row.columns.length;
    }
    return rows;
  }
  const refs = table.rows.flatMap((row) => row.columns.map((_, col): CellRef => ({ table: table.id, row: row.id, col })));
  const message = `${tableName(table.id)}：应有${total}个数值，实有${run.length}个`;
  lost.push(lostUnit(table, refs, run, read.run[0].pos, message, asm));
  return rows;
}

/** Rows that were read (or lost and accounted for) in template order; absent rows are omitted, not zero-filled. */
function toJson(table: TableDef, values: Map<string, CellValue>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const row of table.rows) {
    const keys = row.columns.map((_, col) => cellKey(table, { row: row.id, col }));
    if (!keys.some((k) => values.has(k))) continue;
    json[row.id] = rowJson(row, keys.map((k) => values.get(k) ?? null));
  }
  return json;
}
