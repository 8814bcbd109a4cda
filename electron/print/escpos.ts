import ntp from 'node-thermal-printer';
import { encodeGb18030 } from './gb18030.js';
import type { LayoutLine } from './receipt-layout.js';

export type PrinterType = 'epson' | 'star';

const ESC = 0x1b,
  FS = 0x1c;

const init = Buffer.from([ESC, 0x40]); // ESC @, the same on both command sets

// Chinese (multi-byte) mode. ESC/POS: FS & makes the printer read bytes ≥ 0x81 as the start of a
// GB18030 character. STAR line mode: ESC $ 1 selects its multi-byte mode, in which a Chinese model
// reads codes in the code system its memory switch names and ASCII stays single-byte; its JIS
// mode (ESC p) would read every byte pair as one character and garble the digits.
const chineseMode: Record<PrinterType, Buffer> = {
  epson: Buffer.from([FS, 0x26]),
  star: Buffer.from([ESC, 0x24, 0x31]),
};

// On ESC/POS, ESC ! sizes only single-byte characters; Chinese ones take their size from FS !.
const epsonChineseTall = (on: boolean) => Buffer.from([FS, 0x21, on ? 0x08 : 0x00]);

function renderCopy(lines: LayoutLine[], type: PrinterType): Buffer {
  // node-thermal-printer supplies each model's command bytes; an empty interface makes it a pure
  // buffer builder (sending is transport.ts's job). Text is encoded here, not by the library,
  // whose Chinese code page is GBK-only.
  const p = new ntp.ThermalPrinter({ type: type === 'star' ? ntp.PrinterTypes.STAR : ntp.PrinterTypes.EPSON, interface: '' });
  p.add(init);
  p.add(chineseMode[type]);
  let align: LayoutLine['align'] = 'left',
    bold = false,
    tall = false;
  for (const line of lines) {
    if (line.align !== align) {
      if (line.align === 'center') p.alignCenter();
      else p.alignLeft();
      align = line.align;
    }
    if (line.bold !== bold) p.bold((bold = line.bold));
    if (line.tall !== tall) {
      tall = line.tall;
      if (tall) p.setTextDoubleHeight();
      else p.setTextNormal();
      if (type === 'epson') p.add(epsonChineseTall(tall));
    }
    p.add(encodeGb18030(line.text));
    p.newLine();
  }
  // cut() feeds the paper past the cutter, cuts, and resets the printer for the next copy.
  p.cut();
  return p.getBuffer();
}

/** Printer bytes for `copies` identical copies, each cut off, in one job. */
export function renderEscPos(lines: LayoutLine[], opts: { type: PrinterType; copies?: number }): Buffer {
  const one = renderCopy(lines, opts.type);
  return Buffer.concat(Array.from({ length: opts.copies ?? 1 }, () => one));
}
