/** Where receipts go: a network printer (raw port, usually 9100) or a local device. */
export type PrinterTarget = { kind: 'tcp'; host: string; port: number } | { kind: 'device'; path: string };

const tcp = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(?::(\d{1,5}))?\/?$/;

// Only paths that name a printer: a Linux device node, a Windows port, or a Windows shared printer
// (\\host\share). Anything else could make "printing" overwrite an ordinary file.
const devicePaths = [/^\/dev\/(?!.*\.\.)[A-Za-z0-9_./-]+$/, /^(COM[1-9]\d{0,2}|LPT[1-9])$/i, /^\\\\[A-Za-z0-9._-]+\\[^\\/:*?"<>|]+$/];

/** Parses a configured printer interface; null when it names neither a printer port nor a device. */
export function parsePrinterTarget(s: string): PrinterTarget | null {
  const m = tcp.exec(s);
  if (m) {
    const port = m[2] === undefined ? 9100 : Number(m[2]);
    if (port < 1 || port > 65535) return null;
    return { kind: 'tcp', host: m[1].replace(/^\[|\]$/g, ''), port };
  }
  if (devicePaths.some((re) => re.test(s))) return { kind: 'device', path: s };
  return null;
}

/** The path to open for a device. Windows reaches COM10 and above only through the \\.\ namespace. */
export function devicePath(path: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' && /^(COM|LPT)\d+$/i.test(path) ? `\\\\.\\${path.toUpperCase()}` : path;
}
