import { useEffect } from 'react';
import type { PaperLine } from '../receipt/receipt-lines';
import { PrintArea } from '../pages/office/PrintArea';
import { ReceiptPaper } from './ReceiptPaper';

/**
 * Browser printing: the receipt the server laid out (original or 重打), in a block that only the
 * print stylesheet shows (styles.css, @media print: everything else hidden), sized to the paper.
 * Mounting it with a new `job` opens the browser's print dialog once.
 */
export function PrintReceipt({ job, onPrinted }: { job: { id: number; lines: PaperLine[]; width: number } | null; onPrinted: () => void }) {
  useEffect(() => {
    if (!job) return;
    // After the paint, so the dialog prints this receipt and not the previous one.
    const timer = window.setTimeout(() => {
      window.print();
      onPrinted();
    }, 50);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job?.id]);
  if (!job) return null;
  const mm = job.width === 48 ? 80 : 58;
  // Roll paper: as long as the receipt (2.5 mm type, 1.4 line height, a tall line twice).
  const heightMm = Math.ceil(job.lines.reduce((n, l) => n + (l.tall ? 2 : 1), 0) * 2.5 * 1.4 + 12);
  // In #print-root beside the app (print CSS hides the app), like the office's A4 sheets.
  // 2.5 mm type: one column is 1ch ≈ 0.6em, so 32 columns fill 58 mm paper's 48 mm, 48 columns 80 mm's 72 mm.
  return (
    <PrintArea>
      <div className={`print-receipt paper-${mm}`} data-testid="print-receipt" aria-hidden="true">
        <style>{`@media print { @page { size: ${mm}mm ${heightMm}mm; margin: 0; } }`}</style>
        <ReceiptPaper lines={job.lines} width={job.width} testId="print-receipt-paper" />
      </div>
    </PrintArea>
  );
}
