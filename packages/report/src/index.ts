export type * from './model/types.js';
export type * from './model/raw.js';
export * from './model/index.js';
export * from './text/index.js';
export * from './load/index.js';
export * from './rules/index.js';
export * from './analysis/index.js';
export * from './fix/index.js';
export { reportSubject, type SubjectOverrides } from './subject.js';
