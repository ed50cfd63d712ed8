/**
 * 信息处理费 under 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号): an agency charges either per application
 * (按件计收) or per page (按量计收), never both, with progressive bands:
 * - per application, counted over one applicant's applications in one calendar month: the first 10 free; the 11th
 *   to 30th 100 yuan each; from the 31st, every further band of 10 costs 100 yuan more each (31–40: 200, 41–50: 300 …);
 * - per page of one application: the first 30 pages free; pages 31–100 10 yuan each; 101–200 20 yuan; from 201 40 yuan.
 * The applicant pays within 20 working days of the notice, or the agency no longer processes the application; the time
 * from notice to payment does not count toward the reply limit.
 */

/** The fee for the n-th application of an applicant in a calendar month (按件计收). */
export function feePerApplication(nth: number): number {
  if (nth <= 10) return 0;
  if (nth <= 30) return 100;
  return 100 * (1 + Math.ceil((nth - 30) / 10));
}

const PAGE_BANDS: readonly { upTo: number; yuan: number }[] = [
  { upTo: 30, yuan: 0 },
  { upTo: 100, yuan: 10 },
  { upTo: 200, yuan: 20 },
  { upTo: Infinity, yuan: 40 },
];

/** The fee for one application of this many pages (按量计收): each band's rate on the pages that fall in it. */
export function feePerPages(pages: number): number {
  let fee = 0;
  let from = 0;
  for (const band of PAGE_BANDS) {
    fee += Math.max(0, Math.min(pages, band.upTo) - from) * band.yuan;
    from = band.upTo;
  }
  return fee;
}

export function feeFor(basis: 'per_application' | 'per_page', quantity: number): number {
  return basis === 'per_application' ? feePerApplication(quantity) : feePerPages(quantity);
}

/** Working days the applicant has to pay after the notice. */
export const FEE_PAYMENT_DAYS = 20;
