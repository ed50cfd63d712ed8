/**
 * What the narrative-against-tables rules share: a quantity read from one clause and compared with its table cells
 * (a blank cell states nothing and is not compared), and the clause scan that reads it. Conservative by design (a
 * false alarm is worse than a miss): the quantity word and the number must stand in ONE clause, and a mismatch is a
 * warning.
 */
import { placeWords } from '../../document/finding.ts';
import type { Report } from '../../report/types.ts';
import { quote, type Clause } from '../narrative.ts';
import type { Hit } from '../types.ts';

/** What a clause says about a quantity: a number, or "none" (未收到…, 未发生…). */
export type Stated = { value: number } | { none: true };

export interface Quantity {
  /** Chinese name for messages. */
  name: string;
  /** The cells the narrative number is about, and the values it may equal (e.g. received, or received + carried over). */
  target(report: Report): { cells: string[]; allowed: number[]; shown: string } | undefined;
  read(clause: Clause): Stated | undefined;
}

/** A count: digits not continuing another number, captured. */
export const NUM = String.raw`(?<![\d.])(\d+)`;

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Words a clause must hold one after another, each step a regex source ("收到", "申请", `${NUM}件`). A scan stands
 * for /A[^,;。]*?B[^,;。]*?C/ on a clause (which holds no , ; 。) and finds what that finds, in linear time: that
 * regex tries every A again when B or C is missing, a scan looks for each step once, from where the one before ended.
 * The earliest A is the one to follow, since any later A finds the same or later B and C.
 */
export type Scan = RegExp[];

export const scan = (...steps: string[]): Scan => steps.map((s) => new RegExp(s, 'g'));

/** The match of every step, each the first after the one before; undefined when a step is missing. */
export function scanned(text: string, steps: Scan): RegExpExecArray[] | undefined {
  const found: RegExpExecArray[] = [];
  let from = 0;
  for (const step of steps) {
    step.lastIndex = from;
    const m = step.exec(text);
    if (!m) return undefined;
    found.push(m);
    from = m.index + m[0].length;
  }
  return found;
}

/** The number the scan's NUM step captured. */
export function firstNumber(text: string, steps: Scan): number | undefined {
  const count = scanned(text, steps)?.find((m) => m[1] !== undefined);
  return count ? Number(count[1]) : undefined;
}

/**
 * The part of a clause about one kind when the clause lists several ("作出行政许可决定0件、行政处罚决定36件",
 * "被申请行政复议1件、被提起行政诉讼0件"): the 、-separated piece naming it, provided every named piece has its own
 * number. The whole clause when it names only this kind; undefined when one number is shared by several kinds.
 */
export function pieceAbout(text: string, mine: string[], others: string[]): string | undefined {
  const names = (piece: string, words: string[]) => words.some((w) => piece.includes(w));
  if (!names(text, others)) return text;
  const named = text.split('、').filter((p) => names(p, mine) || names(p, others));
  if (named.some((p) => !/\d/.test(p))) return undefined;
  const own = named.filter((p) => names(p, mine) && !names(p, others));
  return own.length === 1 ? own[0] : undefined;
}

/** Every clause that states a quantity differently from its cells, once per paragraph, cell and value. */
export function runQuantities(report: Report, quantities: Quantity[], narrative: Iterable<Clause>): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const targeted = quantities.map((q) => ({ q, target: q.target(report) })).filter((x) => x.target !== undefined);
  for (const clause of narrative) {
    for (const { q, target } of targeted) {
      if (!target) continue;
      const stated = q.read(clause);
      if (!stated) continue;
      const value = 'none' in stated ? 0 : stated.value;
      if (target.allowed.includes(value)) continue;
      const key = `${placeWords(clause.paragraph.source)}|${target.cells[0]}|${value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const said = 'none' in stated ? `叙述称${quote(clause.text)}（即0）` : `叙述称${quote(clause.text)}`;
      hits.push({
        message: `${said}，与${target.shown}不符`,
        cells: target.cells,
        at: clause.paragraph.source,
        expected: target.allowed[0],
        actual: value,
      });
    }
  }
  return hits;
}
