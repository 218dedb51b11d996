/**
 * Runs PDF parsing in a worker thread with deadlines and a heap bound. pdf.js cannot be interrupted from inside
 * (its evaluation of one page is a single promise), and a hostile page can expand without end, so the only sure
 * way to stop it is to stop the thread it runs in. One worker is kept between documents, so a batch of normal
 * PDFs pays for starting it (and importing pdf.js) once; a worker that was stopped or failed is replaced.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GongkaiError } from '@gongkai/core';
import type { RawDocument } from '../model/raw.js';
import { DEFAULT_PDF_LIMITS, declaredPages, tooManyPages, tooMuchMemory, tooSlow, type PdfLimits } from './pdf-limits.js';
import type { ToHost } from './pdf-worker.js';

/**
 * The compiled worker module. Under the test runner this file is TypeScript source, which a worker thread cannot
 * load, so the built copy next to it in dist/ is used (the test script builds before it tests).
 */
function workerUrl(): URL {
  const here = new URL('./pdf-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL('../../dist/load/pdf-worker.js', import.meta.url);
}

let idle: { worker: Worker; memoryMb: number } | undefined;
let queue: Promise<unknown> = Promise.resolve();

function worker(memoryMb: number): Worker {
  if (idle && idle.memoryMb === memoryMb) {
    const w = idle.worker;
    idle = undefined;
    return w;
  }
  void idle?.worker.terminate();
  idle = undefined;
  return new Worker(workerUrl(), { resourceLimits: { maxOldGenerationSizeMb: memoryMb }, stdout: false, stderr: false });
}

function revive(m: Extract<ToHost, { type: 'error' }>): Error {
  if (m.code && m.text) return new GongkaiError(m.code, m.text, m.data ?? {});
  return new GongkaiError(
    'load/corrupt',
    { zh: '无法读取 PDF 文件：{detail}', en: 'cannot read the PDF file: {detail}' },
    { detail: m.message.split('\n')[0]!.slice(0, 160) },
  );
}

function run(bytes: Uint8Array, limits: PdfLimits): Promise<RawDocument> {
  const w = worker(limits.maxMemoryMb);
  return new Promise<RawDocument>((resolve, reject) => {
    let settled = false;
    let pageTimer: NodeJS.Timeout | undefined;
    const finish = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(pageTimer);
      w.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) {
        // An idle worker must not keep the process alive.
        w.unref();
        idle = { worker: w, memoryMb: limits.maxMemoryMb };
      } else void w.terminate();
      outcome();
    };
    const total = setTimeout(() => finish(false, () => reject(tooSlow(limits.timeoutMs))), limits.timeoutMs);
    const onMessage = (m: ToHost) => {
      if (m.type === 'page' || m.type === 'layout') clearTimeout(pageTimer);
      if (m.type === 'page') {
        pageTimer = setTimeout(() => finish(false, () => reject(tooSlow(limits.pageTimeoutMs, m.page))), limits.pageTimeoutMs);
      } else if (m.type === 'done') finish(true, () => resolve(m.raw as RawDocument));
      // A damaged file is common and the worker destroyed its document before answering, so it is kept; after a
      // refusal for complexity pdf.js may have left work queued, so that worker is replaced.
      else if (m.type === 'error') finish(m.code !== 'load/too-complex', () => reject(revive(m)));
    };
    const onError = (e: Error & { code?: string }) =>
      finish(false, () => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuchMemory(limits.maxMemoryMb) : revive({ type: 'error', message: e.message })));
    const onExit = (code: number) => finish(false, () => reject(revive({ type: 'error', message: `the PDF reader stopped (exit code ${code})` })));
    w.on('message', onMessage).on('error', onError).on('exit', onExit);
    w.ref();
    // A copy is handed over (transferred, not cloned again): the caller's bytes may be a Buffer view into a shared
    // pool, whose memory must not be detached from under it.
    const copy = new Uint8Array(bytes);
    w.postMessage({ bytes: copy, limits }, [copy.buffer]);
  });
}

/**
 * Loads a PDF within `limits` (defaults: DEFAULT_PDF_LIMITS). Documents are read one at a time, each with its own
 * deadlines counted from when its reading starts.
 */
export function loadPdf(bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<RawDocument> {
  const full: PdfLimits = { ...DEFAULT_PDF_LIMITS, ...limits };
  const pages = declaredPages(bytes);
  if (pages > full.maxPages) return Promise.reject(tooManyPages(pages, full.maxPages));
  const job = queue.then(() => run(bytes, full));
  queue = job.catch(() => undefined);
  return job;
}
