export type * from './snapshot.js';
