import { columnRuns } from '../display-width';
import type { PaperLine } from '../receipt/receipt-lines';

/**
 * The receipt as it prints: the same lines, in columns. A full-width character gets a box exactly
 * two columns wide, so amounts line up as they do on paper. Each line ends in a newline, so the
 * box's text content is exactly the printed lines (data-testid="receipt-preview").
 */
export function ReceiptPaper({ lines, width = 32, testId = 'receipt-preview' }: { lines: readonly PaperLine[]; width?: number; testId?: string }) {
  return (
    <div className="paper" data-testid={testId} role="document" style={{ width: `${width}ch` }}>
      {lines.map((l, i) => (
        <span key={i} className={`pl ${l.align}${l.bold ? ' bold' : ''}${l.tall ? ' tall' : ''}`}>
          {columnRuns(l.text).map((r, j) =>
            r.wide ? (
              <span key={j} className="w">
                {r.text}
              </span>
            ) : (
              r.text
            ),
          )}
          {i < lines.length - 1 ? '\n' : ''}
        </span>
      ))}
    </div>
  );
}
