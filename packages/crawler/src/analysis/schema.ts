const levelsSchema = { type: 'array', items: { enum: ['department', 'government', 'township'] }, uniqueItems: true } as const;

/** JSON Schema of one `data.columns` entry, for validating user packs that extend the catalogue. */
export const columnSpecSchema = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', errorMessage: 'must be lowercase letters, digits and "-"' },
    name: { type: 'string', minLength: 1 },
    variants: { type: 'array', items: { type: 'string', minLength: 1 } },
    urlHints: { type: 'array', items: { type: 'string', minLength: 1 } },
    requiredFor: levelsSchema,
    applicableFor: levelsSchema,
    recommendedFor: levelsSchema,
    basis: {
      type: 'object',
      required: ['zh'],
      properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
      additionalProperties: false,
      errorMessage: 'must be { zh, en } naming the document and article that require the column',
    },
    freshness: {
      anyOf: [{ type: 'null' }, { type: 'string', pattern: '^([0-9]+[dwmy]|[A-Za-z0-9_-]+)$' }],
      errorMessage: 'must be a window name (2w, 6m, 1y) or a duration such as 30d, or null',
    },
    kind: { enum: ['dynamic', 'notice', 'policy', 'other'] },
    itemsMustContain: { type: 'array', items: { type: 'string', minLength: 1 } },
    form: { enum: ['list', 'article', 'channel'] },
    remove: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

/** Schemas of the pack `data` keys the site analysis reads, registered with the engine for load-time checks. */
export const siteDataSchemas: Record<string, Record<string, unknown>> = {
  columns: { type: 'array', items: columnSpecSchema },
  windows: {
    type: 'object',
    additionalProperties: { type: 'string', pattern: '^[0-9]+[dwmy]$', errorMessage: 'must be a duration such as 2w, 6m, 1y or 30d' },
  },
};
