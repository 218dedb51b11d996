/**
 * JSON Schemas for rule packs and user configs. This module is the source of truth; `rules/schema/*.json` are the
 * published copies (a test keeps them identical, `pnpm gen:schemas` rewrites them).
 */
import type { JSONSchema } from '../types.js';

const severity = {
  enum: ['error', 'warning', 'info', 'off'],
  errorMessage: 'must be one of error, warning, info, off',
};

const ruleEntry = {
  oneOf: [
    severity,
    {
      type: 'array',
      minItems: 1,
      maxItems: 2,
      items: [severity, { type: 'object' }],
      additionalItems: false,
    },
  ],
  errorMessage: 'must be a severity or [severity, options]',
};

const localized = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      properties: { zh: { type: 'string' }, en: { type: 'string' } },
      required: ['zh'],
      additionalProperties: false,
    },
  ],
};

const level = { enum: ['department', 'government', 'township'], errorMessage: 'must be department, government or township' };

const scoring = {
  type: 'object',
  properties: {
    passLine: { type: 'number', minimum: 0, maximum: 100 },
    weights: {
      type: 'object',
      additionalProperties: {
        oneOf: [
          { type: 'number', minimum: 0 },
          {
            type: 'object',
            properties: { weight: { type: 'number', minimum: 0 }, max: { type: 'number', minimum: 0 } },
            required: ['weight'],
            additionalProperties: false,
          },
        ],
        errorMessage: 'must be a number or { weight, max }',
      },
    },
    veto: { type: 'array', items: { type: 'string' } },
    noVeto: { type: 'array', items: { type: 'string' } },
    grades: {
      type: 'array',
      items: {
        type: 'object',
        properties: { min: { type: 'number' }, label: { type: 'string' } },
        required: ['min', 'label'],
        additionalProperties: false,
      },
    },
    severityFactor: {
      type: 'object',
      properties: { error: { type: 'number' }, warning: { type: 'number' }, info: { type: 'number' } },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

const range = {
  type: 'object',
  properties: { min: { type: 'integer' }, max: { type: 'integer' } },
  additionalProperties: false,
};

const stringList = { type: 'array', items: { type: 'string' } };

export const packSchema: JSONSchema = {
  $id: 'https://github.com/gongkai-project/gongkai/rules/schema/pack.schema.json',
  title: 'gongkai rule pack',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', errorMessage: 'must be lowercase letters, digits and "-"' },
    description: localized,
    extends: stringList,
    appliesTo: {
      type: 'object',
      properties: {
        kind: { enum: ['report', 'site'], errorMessage: 'must be report or site' },
        regime: { type: 'array', items: { enum: ['2008', '2019', '2021'], errorMessage: 'must be "2008", "2019" or "2021"' } },
        reportYear: range,
        level: { type: 'array', items: level },
        documentType: { type: 'array', items: { enum: ['annual-report', 'work-summary', 'other'] } },
        region: stringList,
      },
      additionalProperties: false,
    },
    rules: { type: 'object', additionalProperties: ruleEntry },
    scoring,
    data: { type: 'object' },
  },
  required: ['id'],
  additionalProperties: false,
};

export const configSchema: JSONSchema = {
  $id: 'https://github.com/gongkai-project/gongkai/rules/schema/config.schema.json',
  title: 'gongkai config',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    extends: stringList,
    agency: {
      type: 'object',
      properties: { name: { type: 'string' }, level, region: { type: 'string' } },
      additionalProperties: false,
    },
    rules: { type: 'object', additionalProperties: ruleEntry },
    scoring,
    data: { type: 'object' },
    locale: { enum: ['zh', 'zh-CN', 'en'] },
    regulation: { enum: ['2008', '2019', '2021'] },
    ignore: stringList,
    failOn: { enum: ['error', 'warning', 'info'] },
    maxWarnings: { type: 'integer', minimum: 0 },
    minScore: { type: 'number', minimum: 0, maximum: 100 },
    crawl: {
      type: 'object',
      properties: {
        maxPages: { type: 'integer', minimum: 1 },
        maxDepth: { type: 'integer', minimum: 0 },
        concurrency: { type: 'integer', minimum: 1 },
        perHostConcurrency: { type: 'integer', minimum: 1 },
        delayMs: { type: 'integer', minimum: 0 },
        userAgent: { type: 'string' },
        allowHosts: stringList,
        checkExternal: { type: 'boolean' },
        ignoreRobots: { type: 'boolean' },
        timeoutMs: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};
