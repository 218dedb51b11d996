export type * from './types.js';
export { analyzeSite } from './analyze.js';
export { SiteSubject, auditSnapshot, type SiteSubjectOptions } from './subject.js';
export { defaultColumns, defaultWindows, sectionNames } from './catalogue.js';
export { columnSpecSchema } from './schema.js';
export { workdaysBetween, nthWorkdayAfter, isWorkday, subtractDuration, type WorkdayCalendar } from './calendar.js';
export { isAnnualReportTitle } from './documents.js';
