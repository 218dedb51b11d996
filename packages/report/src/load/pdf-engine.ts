/**
 * Loads pdfjs-dist (legacy build, the one meant for Node) once per process. The worker module is imported into
 * this thread so pdfjs runs its "fake worker" in-process instead of spawning one, and the CMap / standard-font
 * directories are handed over as file paths, which is what pdfjs' Node factories read.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let engine: Promise<PdfJs> | undefined;

export function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('pdfjs-dist/package.json'));
}

export function pdfjs(): Promise<PdfJs> {
  engine ??= (async () => {
    // On import the legacy build warns that it cannot polyfill canvas classes; text extraction never needs them,
    // so those import-time lines are kept off the user's terminal.
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot')) return;
      log(...args);
    };
    try {
      const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
      await import(workerModule);
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return engine;
}

export function pdfjsOptions(): { cMapUrl: string; standardFontDataUrl: string } {
  const dir = pdfjsDir();
  return { cMapUrl: join(dir, 'cmaps') + '/', standardFontDataUrl: join(dir, 'standard_fonts') + '/' };
}
