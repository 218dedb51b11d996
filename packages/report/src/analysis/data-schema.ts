/** Schemas of the pack `data` keys the report rules read, registered with the engine for load-time checks. */
const localized = {
  type: 'object',
  properties: { zh: { type: 'string' }, en: { type: 'string' } },
  required: ['zh', 'en'],
  additionalProperties: false,
};
const strings = { type: 'array', items: { type: 'string', minLength: 1 } };

export const reportDataSchemas: Record<string, Record<string, unknown>> = {
  sections: {
    type: 'array',
    items: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', errorMessage: 'must be lowercase letters, digits and "-"' },
        title: localized,
        aliases: strings,
        exclude: strings,
        evidence: { type: 'array', items: { type: 'string', format: 'regex' } },
        remove: { type: 'boolean' },
      },
      additionalProperties: false,
    },
  },
};
