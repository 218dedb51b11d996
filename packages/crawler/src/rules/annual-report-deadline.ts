/** Art. 49 deadlines shared by the two annual-report rules. */
import type { AgencyLevel } from '@gongkai/core';
import { addDays } from '../analysis/calendar.js';
import { monthDaySchema } from './shared.js';

export interface DeadlineOptions {
  deadlines?: Partial<Record<AgencyLevel, string>>;
  graceDays?: number;
}

/** 条例 art. 49: departments by 1月31日, county-level-and-above governments by 3月31日; townships follow provinces. */
export const defaultDeadlines: Record<AgencyLevel, string> = { department: '01-31', government: '03-31', township: '03-31' };

export const deadlineSchemaProps = {
  deadlines: {
    type: 'object',
    properties: { department: monthDaySchema, government: monthDaySchema, township: monthDaySchema },
    additionalProperties: false,
  },
  graceDays: { type: 'integer', minimum: 0 },
} as const;

/** The last day a report on `year` may be published. */
export function reportDeadline(year: number, level: AgencyLevel, options: DeadlineOptions): string {
  const md = options.deadlines?.[level] ?? defaultDeadlines[level];
  return addDays(`${year + 1}-${md}`, options.graceDays ?? 0);
}

/** The newest report year that must already be out on `asOf`. */
export function expectedReportYear(asOf: string, level: AgencyLevel, options: DeadlineOptions): number {
  const y = Number(asOf.slice(0, 4));
  return asOf > reportDeadline(y - 1, level, options) ? y - 1 : y - 2;
}
