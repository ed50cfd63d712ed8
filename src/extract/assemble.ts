/**
 * Turns what was read of one table into Report JSON cells with provenance and findings: aligned rows are typed cell
 * by cell; rows whose count did not fit are reported and recovered only when the arithmetic leaves one reading.
 */
import type { SourcePos } from '../document/model.ts';
import { cellKey, expandIdentities, type CellRef } from '../format/identities.ts';
import { tableName } from '../format/index.ts';
import type { RowDef, TableDef } from '../format/types.ts';
import type { CellProvenance, Finding } from '../report/types.ts';
import { parseValue, type CellValue } from '../text/values.ts';
import { recoverUnit, type Known, type LostUnit } from './recover.ts';
import { alignRuled, type RowRead, type Slot, type TableRead } from './rows.ts';

export interface AssembledTable {
  json: Record<string, unknown>;
  provenance: Record<string, CellProvenance>;
  findings: Finding[];
}

interface Lost extends LostUnit {
  label: string;
  pos: SourcePos;
  /** The count finding, completed with the outcome of recovery. */
  finding: Finding;
}

/** Adds a finding placed at a source position (line or page for compiler-style output, and the full position). */
type Emit = (f: Omit<Finding, 'line' | 'page' | 'pos'> & { at: SourcePos }) => void;

const emitter = (findings: Finding[]): Emit => ({ at, ...rest }) => {
  findings.push({ ...rest, line: at.line, page: at.page, pos: at });
};

/** Assembles one table; provenance is written into the report's own map (shared by all tables). */
export function assembleTable(read: TableRead, provenance: Record<string, CellProvenance>): AssembledTable {
  const { table } = read;
  const name = tableName(table.id);
  const values = new Map<string, CellValue>();
  const out: AssembledTable = { json: {}, provenance, findings: [] };
  const lost: Lost[] = [];
  const finding = emitter(out.findings);

  const rows = table.unlabelledRun ? splitRun(read, table, lost, out.findings) : read.rows;
  for (const row of table.rows) {
    const r = rows.get(row.id);
    if (!r) continue;
    const refs = row.columns.map((_, col): CellRef => ({ table: table.id, row: row.id, col }));
    if (r.inferred) {
      const message = r.inferred.label === null
        ? `${name}有一行数值没有行标签，按模板行序和数值个数归入「${row.label}」`
        : `${name}行标签“${r.inferred.label}”与模板不符，按模板行序和相邻行识别为「${row.label}」`;
      finding({ rule: 'row-label-inferred', severity: 'warning', message, cells: refs.map((ref) => cellKey(table, ref)), at: r.labelPos });
    }
    if (r.aligned) {
      r.slots.forEach((slot, col) => typeCell(table, row, col, slot, values, out, finding));
      continue;
    }
    const message = `${name}「${row.label}」行：应有${row.columns.length}个数值，实有${r.slots.length}个`;
    lost.push(lostUnit(table, refs, r.slots, row.label, r.labelPos, message, out.findings));
  }

  recoverAll(table, lost, values, out);
  for (const unit of lost) {
    unit.finding.message += unit.seen.length ? '，无法唯一确定各数值所在的列，未填入' : '，未填入';
    for (const ref of unit.cells) {
      const key = cellKey(table, ref);
      values.set(key, null);
      out.provenance[key] = { ...unit.pos, status: 'unknown' };
    }
  }
  for (const dup of read.duplicates) {
    finding({ rule: 'row-duplicate', severity: 'warning', message: `${name}「${dup.row.label}」行重复出现，已采用第一次出现的数值`, at: dup.labelPos });
  }
  for (const stray of read.strays) {
    finding({ rule: 'stray-value', severity: 'warning', message: `${name}中的数值“${stray.text}”不属于任何行，未采用`, at: stray.pos });
  }
  out.json = toJson(table, values);
  return out;
}

function typeCell(
  table: TableDef, row: RowDef, col: number, slot: Slot,
  values: Map<string, CellValue>, out: AssembledTable, finding: Emit,
): void {
  const key = cellKey(table, { row: row.id, col });
  const parsed = parseValue(slot.text, row.columns[col].kind);
  if (parsed.kind === 'number') {
    values.set(key, parsed.value);
    out.provenance[key] = slot.pos;
    return;
  }
  const prov: CellProvenance = { ...slot.pos };
  let value: CellValue;
  if (parsed.kind === 'blank') value = null;
  else if (parsed.kind === 'na') value = '/';
  else {
    prov.raw = parsed.raw;
    prov.status = parsed.value === undefined ? 'unknown' : 'text';
    value = parsed.value ?? null;
    finding({
      rule: 'value-text',
      severity: parsed.value === undefined ? 'error' : 'info',
      message: parsed.value === undefined
        ? `${tableName(table.id)}「${row.label}」行“${row.columns[col].label}”列：“${parsed.raw}”不是数值，未采用`
        : `${tableName(table.id)}「${row.label}」行“${row.columns[col].label}”列：${parsed.note}`,
      cells: [key],
      at: slot.pos,
    });
  }
  values.set(key, value);
  out.provenance[key] = prov;
}

/** A unit whose cells lost their columns, with its count finding (an error whatever recovery finds). */
function lostUnit(
  table: TableDef, cells: CellRef[], slots: Slot[], label: string, labelPos: SourcePos, message: string, findings: Finding[],
): Lost {
  const texts = slots.map((s) => s.text.replace(/\s+/g, ''));
  const numbers = texts.map((t) => parseValue(t)).map((v) => (v.kind === 'number' ? v.value : v.kind === 'na' ? 0 : NaN));
  const digits = texts.length === 1 && /^\d+$/.test(texts[0]) && texts[0].length >= cells.length && cells.length > 1 ? texts[0] : undefined;
  const pos = slots[0]?.pos ?? labelPos;
  const finding: Finding = {
    rule: 'row-value-count', severity: 'error', message, line: pos.line, page: pos.page, pos,
    cells: cells.map((c) => cellKey(table, c)), expected: cells.length, actual: slots.length,
  };
  findings.push(finding);
  return { cells, seen: numbers.some(Number.isNaN) ? [NaN] : numbers, digits, label, pos, finding };
}

/** Recovers lost units as long as each round of recoveries makes another possible. */
function recoverAll(table: TableDef, lost: Lost[], values: Map<string, CellValue>, out: AssembledTable): void {
  if (!lost.length) return;
  const identities = expandIdentities(table);
  const known: Known = new Map();
  for (const [k, v] of values) known.set(k, typeof v === 'number' ? v : 0);
  for (let progress = true; progress && lost.length; ) {
    progress = false;
    for (const unit of [...lost]) {
      if (unit.seen.some(Number.isNaN)) continue;
      const solved = recoverUnit(table, identities, known, unit);
      if (!solved) continue;
      lost.splice(lost.indexOf(unit), 1);
      unit.cells.forEach((ref, i) => {
        const key = cellKey(table, ref);
        values.set(key, solved[i]);
        known.set(key, solved[i]);
        out.provenance[key] = { ...unit.pos, status: 'recovered' };
      });
      unit.finding.message += unit.digits
        ? `（数字连在一起：“${unit.digits}”），按表格勾稽关系唯一拆分为 ${solved.join('、')}`
        : `，按表格勾稽关系唯一推定为 ${solved.join('、')}`;
      progress = true;
    }
  }
}

/** 表四 comes as one run of values in row order: split it into its groups when the count fits. */
function splitRun(read: TableRead, table: TableDef, lost: Lost[], findings: Finding[]): Map<string, RowRead> {
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
  lost.push(lostUnit(table, refs, run, table.title, read.run[0].pos, message, findings));
  return rows;
}

/** Rows that were read (or lost and accounted for) in template order; absent rows are omitted, not zero-filled. */
function toJson(table: TableDef, values: Map<string, CellValue>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const row of table.rows) {
    const keys = row.columns.map((_, col) => cellKey(table, { row: row.id, col }));
    if (!keys.some((k) => values.has(k))) continue;
    const cells = keys.map((k) => values.get(k) ?? null);
    if (row.shape === 'scalar') json[row.id] = cells[0];
    else if (row.shape === 'array') json[row.id] = cells;
    else json[row.id] = Object.fromEntries(row.columns.map((c, i) => [c.id, cells[i]]));
  }
  return json;
}
