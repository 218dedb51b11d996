import { registerMessages, type Rule } from '@gongkai/core';
import * as all from './all.js';

export * from './all.js';

/** Every report rule. */
export const reportRules: Rule[] = Object.values(all) as unknown as Rule[];

// Labels for this package's scoring categories, shown by the formatters.
registerMessages({
  'fmt.category.structure': { zh: '结构完整性', en: 'structure' },
  'fmt.category.statistics': { zh: '统计数据', en: 'statistics' },
  'fmt.category.timeliness': { zh: '时效性', en: 'timeliness' },
  'fmt.category.quality': { zh: '文字质量', en: 'text quality' },
});
