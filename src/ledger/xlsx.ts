/**
 * The ledger as an Excel workbook: a template to fill in (the CSV template's columns, dropdowns for the choice
 * columns, date-formatted date columns, one example row and a sheet of notes), and an importer that reads a filled-in
 * workbook into the same rows the CSV importer reads, so both go through one row importer (import.ts).
 *
 * Workbooks come from people, so the importer takes dates as Excel dates, serial numbers or text; numbers as text;
 * a title row above the header; blank rows; and never evaluates a formula: it reads the value Excel saved with it.
 * A workbook's size is checked from the zip directory before anything is unpacked. exceljs is loaded on first use.
 *
 * @example
 *   await writeFile('台账模板.xlsx', await xlsxTemplate());
 *   const { applications, problems } = await importXlsx(await readFile('台账.xlsx'), { calendar, by: '台账导入', at });
 */
import type { CellValue, DataValidation, Workbook, Worksheet } from 'exceljs';
import { unzipSync } from 'fflate';
import { isIsoDate } from './day.ts';
import {
  DATE_KEYS, importRows, NUMBER_KEYS, SHEET_CHOICES, SHEET_COLUMNS, TEMPLATE_EXAMPLE, type ImportOptions, type ImportResult,
  type Key, type SheetProblem, type SheetRow,
} from './import.ts';

export const LEDGER_SHEET = '台账';
const NOTES_SHEET = '填写说明';
const CHOICES_SHEET = '选项';
/** Data rows the template's dropdowns and formats cover, and the most an import reads. */
const TEMPLATE_ROWS = 2000;
export const MAX_IMPORT_ROWS = 20_000;
/** Unpacked size a workbook may claim in its zip directory (a 20 000-row ledger unpacks to about 30 MB). */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const REQUIRED = new Set<Key>(['id', 'applicantType', 'channel', 'submitted']);

/** What to write in each column (the notes sheet). */
const NOTES: Record<Key, string> = {
  id: '本机关的申请编号，每件申请一行，编号不得重复',
  applicantType: '按年度报告表三的申请人类型选择',
  applicant: '申请人姓名或名称，用于按月统计同一申请人的申请件数（不公开）',
  channel: '申请的提交方式，决定收到申请之日（条例第三十一条）',
  submitted: '申请人提交、寄出或发送申请的日期',
  signed: '邮寄申请：本机关签收之日',
  confirmed: '平常信函、网络、传真申请：与申请人确认收到之日',
  request: '申请公开的政府信息内容',
  correctionRequested: '一次性告知补正之日（收到申请后7个工作日内，条例第三十条）',
  correctionUntil: '补正通知给出的合理期限',
  correctionReceived: '收到补正后申请之日，答复期限自该日重新计算',
  correctionLapsed: '申请人无正当理由逾期不补正、本机关不再处理之日',
  consultationParty: '征求第三方或其他机关意见时选择',
  consultationStarted: '发出征求意见之日（所需时间不计入答复期限）',
  consultationEnded: '收到意见或征求意见期满之日',
  extensionDays: '延长答复期限的工作日数（不超过20个工作日）',
  extended: '政府信息公开工作机构负责人批准延长之日',
  extensionApprover: '批准延长的负责人',
  feeBasis: '按件计收或按量计收（国办函〔2020〕109号）',
  feeQuantity: '按件：该申请人当月第几件申请；按量：页数',
  feeAmount: '收费通知载明的金额（元）',
  feeNotified: '发出收费通知之日',
  feePaid: '申请人缴费之日',
  feeLapsed: '申请人逾期未缴费、本机关不再处理之日',
  withdrawn: '申请人撤回申请之日',
  replied: '作出答复之日',
  outcome: '按年度报告表三“本年度办理结果”选择，一件申请只选一项；逾期不补正、逾期未缴费填写相应日期列，不在此选择',
  reviewFiled: '申请人就该申请提起行政复议之日',
  reviewResult: '行政复议审结时选择',
  reviewDecided: '行政复议决定之日',
  litigationRoute: '提起行政诉讼时选择是否经过复议',
  litigationFiled: '申请人提起行政诉讼之日',
  litigationResult: '行政诉讼审结时选择',
  litigationDecided: '行政诉讼审结之日',
};

async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'xxgk';
  return workbook;
}

/** The Excel date of an ISO date: UTC midnight, which exceljs writes as that day's serial number. */
const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The template workbook: 台账 (header, example row, dropdowns, date formats), 填写说明, and the hidden 选项 lists. */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] }) as RangedSheet;
  addNotesSheet(workbook);
  const choices = addChoicesSheet(workbook);
  sheet.addRow(SHEET_COLUMNS.map(([, h]) => h)).eachCell((cell, c) => {
    cell.font = { bold: true, color: REQUIRED.has(SHEET_COLUMNS[c - 1][0]) ? { argb: 'FFC00000' } : undefined };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  sheet.addRow(SHEET_COLUMNS.map(([k]) => {
    const v = TEMPLATE_EXAMPLE[k];
    return v && DATE_KEYS.includes(k) ? excelDate(v) : v ?? null;
  }));
  SHEET_COLUMNS.forEach(([key, name], i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(name.length * 2 + 2, key === 'request' || key === 'outcome' ? 36 : DATE_KEYS.includes(key) ? 12 : 10);
    if (DATE_KEYS.includes(key)) column.numFmt = 'yyyy-mm-dd';
    const validation = columnValidation(key, choices);
    if (!validation) return;
    const letter = column.letter;
    sheet.dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validation);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs validates whole ranges (`dataValidations.add`), which its typings leave out. */
type RangedSheet = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

/**
 * A dropdown for a choice column; for a date or number column a check that only warns, since the importer also reads
 * dates typed as text (2025年3月3日).
 */
function columnValidation(key: Key, choices: Map<Key, string>): DataValidation | undefined {
  const range = choices.get(key);
  if (range) {
    return { type: 'list', allowBlank: true, formulae: [range], showErrorMessage: true, errorTitle: '请从列表中选择', error: `请从下拉列表中选择${SHEET_COLUMNS.find(([k]) => k === key)![1]}` };
  }
  if (DATE_KEYS.includes(key)) {
    return { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [excelDate('2008-05-01')], showErrorMessage: true, errorStyle: 'warning', errorTitle: '日期无效', error: '请填写日期，如2025-03-03' };
  }
  if (NUMBER_KEYS.includes(key)) {
    return { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorStyle: 'warning', errorTitle: '数字无效', error: '请填写不小于0的数字' };
  }
  return undefined;
}

/** One column per choice column on a hidden sheet; the range each dropdown lists. */
function addChoicesSheet(workbook: Workbook): Map<Key, string> {
  const sheet = workbook.addWorksheet(CHOICES_SHEET, { state: 'hidden' });
  const ranges = new Map<Key, string>();
  Object.entries(SHEET_CHOICES).forEach(([key, values], i) => {
    const column = sheet.getColumn(i + 1);
    column.values = [SHEET_COLUMNS.find(([k]) => k === key)![1], ...values];
    ranges.set(key as Key, `'${CHOICES_SHEET}'!$${column.letter}$2:$${column.letter}$${values.length + 1}`);
  });
  return ranges;
}

function addNotesSheet(workbook: Workbook): void {
  const sheet = workbook.addWorksheet(NOTES_SHEET);
  sheet.columns = [{ header: '列名', width: 18 }, { header: '是否必填', width: 10 }, { header: '填写说明', width: 70 }, { header: '可选值', width: 60 }];
  sheet.getRow(1).font = { bold: true };
  for (const [key, name] of SHEET_COLUMNS) {
    const kind = DATE_KEYS.includes(key) ? '（日期，如2025-03-03）' : NUMBER_KEYS.includes(key) ? '（数字）' : '';
    sheet.addRow([name, REQUIRED.has(key) ? '必填' : '', `${NOTES[key]}${kind}`, SHEET_CHOICES[key]?.join('；') ?? '']);
  }
  sheet.addRow([]);
  sheet.addRow(['', '', '每件申请填写一行；没有发生的事项留空。表头须保留，红色列为必填列。日期可填写为日期格式，或写作2025-03-03、2025/3/3、2025年3月3日。']);
  sheet.eachRow((row) => row.eachCell((c) => (c.alignment = { vertical: 'top', wrapText: true })));
}

export interface XlsxImportOptions extends ImportOptions {
  /** The most data rows one import reads (default MAX_IMPORT_ROWS). */
  maxRows?: number;
}

/** Applications from a workbook's 台账 sheet (else its first visible sheet), problems by the sheet's row numbers. */
export async function importXlsx(bytes: Uint8Array, options: XlsxImportOptions): Promise<ImportResult> {
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  const refuse = (zh: string, en: string): ImportResult => ({ applications: [], rows: [], problems: [{ row: 1, severity: 'error', zh, en }] });
  const unpacked = unpackedSize(bytes);
  if (unpacked === undefined) return refuse('无法读取该文件：不是XLSX格式的工作簿（.xls请先另存为.xlsx）', 'not an XLSX workbook');
  if (unpacked > MAX_UNPACKED_BYTES) return refuse('工作簿过大，无法导入，请分批导入', `workbook unpacks to ${unpacked} bytes, over the limit`);
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return refuse('无法读取该文件：工作簿已损坏或已加密', 'the workbook could not be read');
  }
  const sheet = workbook.getWorksheet(LEDGER_SHEET) ?? workbook.worksheets.find((s) => s.state === 'visible');
  if (!sheet) return refuse('工作簿中没有工作表', 'the workbook has no sheet');
  if (sheet.actualRowCount > maxRows + 1) {
    return refuse(`“${sheet.name}”有${sheet.actualRowCount}行，超过一次最多导入的${maxRows}行，请分批导入`, `${sheet.actualRowCount} rows, over the ${maxRows}-row limit`);
  }
  const { rows, problems } = sheetRows(sheet, workbook.properties.date1904);
  const result = importRows(rows, options);
  return { ...result, problems: [...problems, ...result.problems].sort((a, b) => a.row - b.row) };
}

/** The uncompressed size the zip directory declares, without unpacking anything; undefined when it is not a zip. */
function unpackedSize(bytes: Uint8Array): number | undefined {
  let total = 0;
  try {
    unzipSync(bytes, { filter: (file) => ((total += file.originalSize), false) });
  } catch {
    return undefined;
  }
  return total;
}

/**
 * The sheet's non-blank rows as text, date columns (once the header is known) read as ISO dates; a warning for each
 * formula saved without its value (a file written by a program that does not calculate).
 */
function sheetRows(sheet: Worksheet, date1904: boolean): { rows: SheetRow[]; problems: SheetProblem[] } {
  const rows: SheetRow[] = [];
  const problems: SheetProblem[] = [];
  let dateColumns = new Set<number>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as CellValue[]).slice(1);
    const cells = Array.from({ length: values.length }, (_, c) => cellText(values[c], dateColumns.has(c), date1904));
    values.forEach((v, c) => {
      if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && v.result === undefined) {
        const address = `${sheet.getColumn(c + 1).letter}${row.number}`;
        problems.push({ row: row.number, severity: 'warning', zh: `单元格${address}的公式没有保存计算结果，按空白读取`, en: `formula in ${address} has no saved value; read as blank` });
      }
    });
    if (!cells.some((c) => c.trim())) return;
    const dates = cells.flatMap((c, i) => (DATE_HEADERS.has(c.trim()) ? [i] : []));
    if (dates.length) dateColumns = new Set(dates); // the header row: from here on these columns hold dates
    rows.push({ row: row.number, cells });
  });
  return { rows, problems };
}

const DATE_HEADERS: ReadonlySet<string> = new Set(SHEET_COLUMNS.filter(([k]) => DATE_KEYS.includes(k)).map(([, h]) => h));

/** Days between Excel's day 0 and the Unix epoch, in the 1900 and the 1904 date systems. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A cell as text: formulas by the value Excel saved (never evaluated), rich text and links by their text. */
function cellText(value: CellValue | undefined, isDate: boolean, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value.getTime());
  if (typeof value === 'number') {
    // A date column holding a plain number: an Excel serial date (its fraction the time of day) not formatted as a date.
    return (isDate && value > 0 && isoDay((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(value) * 86_400_000)) || String(value);
  }
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue | undefined, isDate, date1904);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue, isDate, date1904);
  return '';
}

/** The UTC day of a time as an ISO date (exceljs reads Excel dates as UTC); empty when it is no real date. */
function isoDay(ms: number): string {
  if (!(Math.abs(ms) <= 8.64e15)) return '';
  const iso = new Date(ms).toISOString().slice(0, 10);
  return isIsoDate(iso) ? iso : '';
}
