/** Where rule pages live. One page per rule under docs/rules/<subject>/<name>.md. */
export const DOCS_BASE = 'https://github.com/gongkai-project/gongkai/blob/main/docs/rules/';

export function docsUrlFor(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}
