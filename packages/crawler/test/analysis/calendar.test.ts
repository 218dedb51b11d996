import { describe, expect, it } from 'vitest';
import { nthWorkdayAfter, subtractDuration, workdaysBetween, isWorkday } from '../../src/analysis/calendar.js';

describe('calendar', () => {
  it('uses the State Council holiday calendar with 调休 days', () => {
    expect(isWorkday('2026-10-01')).toBe(false);
    expect(isWorkday('2026-10-10')).toBe(true); // Saturday made a working day
    expect(isWorkday('2026-10-10', 'weekdays')).toBe(false);
  });
  it('counts 7 working days across the National Day holiday', () => {
    expect(nthWorkdayAfter('2026-09-25', 7)).toBe('2026-10-12');
    expect(workdaysBetween('2026-09-25', '2026-10-15')).toBe(10);
    expect(workdaysBetween('2026-11-02', '2026-11-06')).toBe(4);
    expect(workdaysBetween('2026-11-06', '2026-11-02')).toBe(0);
  });
  it('subtracts windows by calendar months, clamping to month ends', () => {
    expect(subtractDuration('2026-11-20', '2w')).toBe('2026-11-06');
    expect(subtractDuration('2026-11-20', '6m')).toBe('2026-05-20');
    expect(subtractDuration('2026-03-31', '1m')).toBe('2026-02-28');
    expect(subtractDuration('2026-11-20', '1y')).toBe('2025-11-20');
    expect(() => subtractDuration('2026-11-20', 'six months')).toThrow(/bad duration/);
  });
});
