import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';

/** Code128: what the counter's USB scanner reads off a card, typed in as the card number. */
export function Barcode({ value, height = 40 }: { value: string; height?: number }) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    try {
      JsBarcode(ref.current, value, { format: 'CODE128', height, width: 1.6, margin: 0, displayValue: true, fontSize: 12, textMargin: 1 });
    } catch {
      ref.current.innerHTML = '';
    }
  }, [value, height]);
  return <svg ref={ref} className="barcode" data-testid="card-barcode" data-value={value} />;
}

/** A QR for a phone's camera: the card number (a provider logging a service), or the villager's page. */
export function QrCode({ value, size = 84, testId = 'card-qr' }: { value: string; size?: number; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(value, { margin: 0, width: size * 2, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [value, size]);
  return src ? (
    <img src={src} width={size} height={size} alt={value} data-testid={testId} />
  ) : (
    <span style={{ display: 'inline-block', width: size, height: size }} />
  );
}
