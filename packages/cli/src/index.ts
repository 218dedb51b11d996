export { main, buildProgram } from './main.js';
export { loadConfig, builtinRegistry, builtinPacks, DEFAULT_EXTENDS, type LoadedConfig } from './setup.js';
export { findConfigFile, readDataFile, CONFIG_NAMES } from './config-files.js';
export { starterConfig } from './commands/init.js';
export type { Io } from './io.js';
