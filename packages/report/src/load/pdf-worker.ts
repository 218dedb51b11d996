/**
 * The thread PDFs are parsed in (see pdf-worker-host.ts). It reads one job at a time, tells the host when each page
 * starts (the host holds every page to a deadline and can stop this thread at any point, even inside pdf.js), and
 * sends back the loaded document or the error, as plain data.
 */
import { parentPort } from 'node:worker_threads';
import { isGongkaiError } from '@gongkai/core';
import { loadPdfHere } from './pdf.js';
import type { PdfLimits } from './pdf-limits.js';

export type ToHost =
  | { type: 'page'; page: number }
  | { type: 'layout' }
  | { type: 'done'; raw: unknown }
  | { type: 'error'; code?: string; text?: { zh: string; en: string }; data?: Record<string, unknown>; message: string };

const port = parentPort!;
const send = (m: ToHost) => port.postMessage(m);

port.on('message', async (job: { bytes: Uint8Array; limits: PdfLimits }) => {
  try {
    const raw = await loadPdfHere(job.bytes, job.limits, (page) => send(page ? { type: 'page', page } : { type: 'layout' }));
    send({ type: 'done', raw });
  } catch (e) {
    if (isGongkaiError(e)) send({ type: 'error', code: e.code, text: e.text, data: e.data, message: e.message });
    else send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});
