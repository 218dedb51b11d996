import { createRequire } from 'node:module';

function packageVersion(): string {
  try {
    // Same relative path from src/fetch (tests) and dist/fetch (built).
    const pkg = createRequire(import.meta.url)('../../package.json') as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Says who we are and where to complain, so a site operator can find us instead of just blocking. */
export const DEFAULT_USER_AGENT = `gongkai/${packageVersion()} (+https://github.com/gongkai-project/gongkai)`;
