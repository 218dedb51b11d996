import type { Locale } from '@gongkai/core';

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  locale: Locale;
  isTTY: boolean;
}

export function processIo(locale: Locale): Io {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    locale,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
