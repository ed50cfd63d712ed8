/**
 * Trimming by character set in linear time. `s.replace(/^[x]+|[x]+$/g, '')` looks harmless but retries the trailing
 * class at every position: quadratic on a long run of x followed by anything else.
 */

/** Removes leading characters matching `lead` and trailing characters matching `trail` (one-character tests). */
export function trimChars(s: string, lead: RegExp | null, trail: RegExp | null): string {
  let start = 0;
  let end = s.length;
  if (lead) while (start < end && lead.test(s[start])) start++;
  if (trail) while (end > start && trail.test(s[end - 1])) end--;
  return s.slice(start, end);
}
