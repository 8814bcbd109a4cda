import { layoutReceipt, type ReceiptData, type ReceiptWidth } from '@shared/print/receipt-layout';

/** A line as receipts.preview sends it (the receipt layout's LayoutLine); bare strings are accepted too. */
export interface PreviewLine {
  text: string;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  tall?: boolean;
}

/** A line of the on-screen "paper": the same text the printer gets, styled the same way. */
export interface PaperLine {
  text: string;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  tall: boolean;
}

export function normalizeLines(lines: readonly (PreviewLine | string)[] | undefined | null): PaperLine[] {
  return (lines ?? []).map((l) =>
    typeof l === 'string'
      ? { text: l, align: 'left', bold: false, tall: false }
      : { text: l.text ?? '', align: l.align ?? 'left', bold: !!l.bold, tall: !!l.tall },
  );
}

/**
 * Used only when the server could not lay the receipt out (receipts.preview failed): the printer's
 * own layout (electron/print/receipt-layout, pure, shared with the renderer) of what
 * redemptions.get returned, so the shopkeeper still sees what was redeemed.
 */
export function fallbackReceipt(data: ReceiptData, width: ReceiptWidth = 32): PaperLine[] {
  return normalizeLines(layoutReceipt(data, { width, kind: 'receipt' }));
}
