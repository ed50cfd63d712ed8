/**
 * The printed page of a report as agencies publish it, after GB/T 9704-2012 (党政机关公文格式): A4, margins of 37 mm
 * top, 35 mm bottom, 28 mm left and 26 mm right (a 156 × 225 mm text block of 22 lines), title in 二号 小标宋, body in
 * 三号 仿宋_GB2312, first-level headings in 三号 黑体, second-level in 三号 楷体_GB2312. Shared by the DOCX and the print
 * CSS of the HTML (which the PDF is printed from).
 */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** Font sizes in points: 二号, 三号, and 五号 for the statutory tables. */
export const SIZE_PT = { title: 22, body: 16, table: 10.5, pageNumber: 14 } as const;

/** 22 lines to the 225 mm text block. */
export const LINE_PT = Number((((PAGE_MM.height - MARGIN_MM.top - MARGIN_MM.bottom) / 25.4) * 72 / 22).toFixed(2));

/**
 * Font families, each with the names it goes by on other systems; the first name is the one the standard gives.
 * Machines without them (Linux servers) fall back to the Noto CJK families.
 */
export const FONTS = {
  title: ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', '宋体', 'SimSun'],
  body: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong'],
  heading: ['黑体', 'SimHei', 'STHeiti'],
  subheading: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti'],
  table: ['宋体', 'SimSun', 'STSong'],
} as const;

/** Characters of 二号 a line of the 156 mm text block holds. */
const TITLE_LINE_CHARS = Math.floor(((PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right) / 25.4) * 72 / SIZE_PT.title);

/**
 * The title's lines: one when it fits, else broken after the agency's name as published titles are
 * ("某市生态环境局" / "2025年政府信息公开工作年度报告"), never inside a word.
 */
export function titleLines(title: string, agency: string): string[] {
  if (title.length <= TITLE_LINE_CHARS || !agency || !title.startsWith(agency) || title === agency) return [title];
  return [agency, title.slice(agency.length)];
}
