/**
 * ESC/POS real-time status (DLE EOT n). A printer answers each query with one byte, even while it
 * is offline, so the counter can learn that the paper ran out or the cover is open before it sends
 * a receipt into a printer that cannot print it.
 */
const DLE = 0x10,
  EOT = 0x04;

/** n = 4: paper roll sensor; n = 2: offline cause. Asked in this order, answered in this order. */
export const statusQuery = Buffer.from([DLE, EOT, 4, DLE, EOT, 2]);

/** Asked after the job: the answer comes only once the printer has read the job's bytes. */
export const trailingQuery = Buffer.from([DLE, EOT, 4]);

export type PrinterStatus = 'ready' | 'paper_out' | 'cover_open' | 'unknown';

// Every status byte has bit 1 and bit 4 set and bits 0 and 7 clear; anything else is not an answer.
const wellFormed = (b: number | undefined): b is number => b !== undefined && (b & 0x93) === 0x12;

/** Reads the two answers to statusQuery; anything missing or malformed is "unknown" (print anyway). */
export function parseStatus(answer: Buffer): PrinterStatus {
  const paper = answer[0],
    offline = answer[1];
  if (!wellFormed(paper) || !wellFormed(offline)) return 'unknown';
  if ((paper & 0x60) === 0x60 || (offline & 0x20) !== 0) return 'paper_out';
  if ((offline & 0x04) !== 0) return 'cover_open';
  return 'ready';
}
