/** The working-day calendar on real dates: 调休 Sundays, National Day week, and a year added from a CSV file. */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chineseCalendar, CalendarFileInvalid, parseCalendarCsv } from '../../src/ledger/calendar.ts';

const cal = chineseCalendar([]);

describe('chineseCalendar', () => {
  it('has holiday data for every report year of the statutory format, 2019–2026', () => {
    assert.deepEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].filter((y) => !cal.covers(y)), []);
  });

  it('works the 调休 Sundays of the 2024 Spring Festival and rests the festival week', () => {
    assert.deepEqual(['2024-02-04', '2024-02-09', '2024-02-12', '2024-02-17', '2024-02-18'].map(cal.isWorkingDay),
      [true, true, false, false, true]);
  });

  it('works Sunday 2025-01-26 and Saturday 2025-02-08 around the 2025 Spring Festival', () => {
    assert.deepEqual(['2025-01-26', '2025-01-28', '2025-02-04', '2025-02-08'].map(cal.isWorkingDay), [true, false, false, true]);
  });

  it('does not count the day of receipt (条例第三十三条 "自收到申请之日起")', () => {
    assert.equal(cal.addWorkingDays('2024-03-04', 1), '2024-03-05');
    assert.equal(cal.addWorkingDays('2024-03-04', 0), '2024-03-04');
  });

  it('skips National Day week 2024 and counts its make-up Sunday 09-29 and Saturday 10-12', () => {
    assert.equal(cal.addWorkingDays('2024-09-27', 3), '2024-10-08');
    assert.equal(cal.addWorkingDays('2024-09-27', 20), '2024-10-30');
    assert.equal(cal.addWorkingDays('2024-09-30', 20), '2024-11-01');
  });

  it('skips the eight days of National Day and Mid-Autumn 2025 and counts Sunday 09-28 and Saturday 10-11', () => {
    assert.equal(cal.addWorkingDays('2025-09-26', 20), '2025-10-30');
    assert.equal(cal.addWorkingDays('2025-09-30', 20), '2025-11-04');
  });

  it('counts working days between two dates, the first not counted', () => {
    assert.equal(cal.workingDaysBetween('2024-09-27', '2024-10-09'), 4);
    assert.equal(cal.workingDaysBetween('2024-10-09', '2024-09-27'), -4);
    assert.equal(cal.workingDaysBetween('2024-02-08', cal.addWorkingDays('2024-02-08', 20)), 20);
  });
});

describe('calendar files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-calendar-'));

  it('adds a year the package lacks from a CSV of the notice, without a code change', () => {
    const file = join(dir, 'notice.csv');
    // A made-up notice for 2099: 10 dates of 2099 (8 weekdays off, Saturday 01-10 and Sunday 01-11 worked), and
    // Wednesday 2098-12-31 off, a date of the year before as notices have around 元旦.
    const days = ['2099-01-01', '2099-01-02', '2099-01-05', '2099-01-06', '2099-01-07', '2099-01-08', '2099-01-09', '2099-02-02'];
    writeFileSync(file, `日期,类型,说明\n2098-12-31,休,元旦\n${days.map((d) => `${d},休,测试假日\n`).join('')}2099/1/10,班,测试调休\n2099-01-11,班\n`);
    const extended = chineseCalendar([file]);
    assert.equal(extended.covers(2099), true);
    assert.equal(extended.covers(2098), false); // one date is not the year's holidays
    assert.deepEqual(['2099-01-05', '2099-01-10', '2099-01-12', '2098-12-31'].map(extended.isWorkingDay), [false, true, true, false]);
    assert.equal(extended.isWorkingDay('2024-02-18'), true);
  });

  it('replaces the package data of a year the file has whole (10 dates or more)', () => {
    const file = join(dir, 'replace.csv');
    // 2024-12-16 to 2024-12-25: 10 dates of 2024, so the file's 2024 replaces the package's.
    const days = Array.from({ length: 10 }, (_, i) => `2024-12-${16 + i},休\n`).join('');
    writeFileSync(file, `日期,类型\n${days}`);
    const replaced = chineseCalendar([file]);
    // Monday 12-16 off; Tuesday 10-01 (National Day in the package) worked; Sunday 02-18 (a package 调休) off.
    assert.deepEqual(['2024-12-16', '2024-10-01', '2024-02-18'].map(replaced.isWorkingDay), [false, true, false]);
    assert.equal(replaced.covers(2024), true);
  });

  it("lays a few dates of a year over the package's date by date, keeping the rest of that year", () => {
    const file = join(dir, 'new-year.csv');
    // The 2024 notice's 元旦: weekend 2023-12-30/31 and Monday 2024-01-01; 2 dates of 2023 and 1 of 2024, no year whole.
    writeFileSync(file, '日期,类型\n2023-12-30,休\n2023-12-31,休\n2024-01-01,休\n2023-12-29,休\n');
    const merged = chineseCalendar([file]);
    // Monday 2023-10-02 (National Day) and Sunday 2024-02-18 (调休) keep the package's data; Friday 2023-12-29 is the
    // file's holiday (must fire), and 2024-01-01 stays off.
    assert.deepEqual(['2023-10-02', '2024-02-18', '2023-12-29', '2024-01-01'].map(merged.isWorkingDay), [false, true, false, false]);
    assert.deepEqual([merged.covers(2023), merged.covers(2024)], [true, true]);
  });

  it('takes files from XXGK_CALENDAR', () => {
    const file = join(dir, 'env.csv');
    writeFileSync(file, '日期,类型\n2099-03-02,休\n');
    process.env.XXGK_CALENDAR = file;
    try {
      assert.equal(chineseCalendar().isWorkingDay('2099-03-02'), false);
    } finally {
      delete process.env.XXGK_CALENDAR;
    }
  });

  it('refuses a file with unreadable rows, naming each row', () => {
    assert.deepEqual(parseCalendarCsv('日期,类型\n2099-02-30,休\n2099-03-01,放\n').errors.map((e) => [e.row, e.en]),
      [[2, 'unreadable date "2099-02-30"'], [3, 'kind "放" must be 休 or 班']]);
    // Line 1 header, line 2 blank, line 3 a good date, line 4 the bad one.
    assert.deepEqual(parseCalendarCsv('日期,类型\n\n2099-03-02,休\n2099-02-30,休\n').errors.map((e) => e.row), [4]);
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '日期,类型\nxx,休\n');
    assert.throws(() => chineseCalendar([file]), CalendarFileInvalid);
  });
});
