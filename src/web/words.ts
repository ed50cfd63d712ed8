/** The UI's words for data values: severities, review states, formats. */
import type { ReviewStatus, Severity } from './model.ts';

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const REVIEW_ZH: Record<ReviewStatus, string> = { open: '待审核', confirmed: '已确认', dismissed: '已驳回' };

export function formatZh(format: string): string {
  return format === 'free' ? '非模板格式' : `${format}版格式`;
}

export function yearZh(year: number | null): string {
  return year === null ? '年度不明' : `${year}年度`;
}

const KIND_ZH: Record<string, string> = { province: '省级', city: '市级', county: '县级', township: '乡镇级' };

/** A region's level in words; blank when not known. */
export function regionKindZh(kind: string): string {
  return KIND_ZH[kind] ?? '';
}

/** A share (0–1) as a percentage with one decimal; a dash when there is nothing to divide by. */
export function percentZh(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
}
