/**
 * A roster-shaped .xlsx that is small on disk and enormous unpacked: a header row, then the same
 * tiny row millions of times, deflated at level 9 (repeated text compresses about 300:1). Built as a
 * zip by hand, a chunk at a time, so the test never holds the unpacked sheet in memory.
 */
import { crc32, createDeflateRaw } from 'node:zlib';

interface Part {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

function deflate(chunks: () => Iterable<string>): Promise<Part & { name: '' }> {
  return new Promise((ok, fail) => {
    const z = createDeflateRaw({ level: 9, memLevel: 9 });
    const out: Buffer[] = [];
    let crc = 0;
    let size = 0;
    z.on('data', (c: Buffer) => out.push(c));
    z.on('end', () => ok({ name: '', data: Buffer.concat(out), crc, size }));
    z.on('error', fail);
    (async () => {
      for (const text of chunks()) {
        const b = Buffer.from(text, 'utf8');
        crc = crc32(b, crc);
        size += b.length;
        if (!z.write(b)) await new Promise((r) => z.once('drain', r));
      }
      z.end();
    })().catch(fail);
  });
}

function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt32LE(p.crc >>> 0, 14);
    head.writeUInt32LE(p.data.length, 18);
    head.writeUInt32LE(p.size, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, p.data);
    centrals.push(central, name);
    offset += head.length + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const small = async (name: string, text: string): Promise<Part> => ({ ...(await deflate(() => [text])), name });

/** An .xlsx whose only sheet has the roster's header and then `rows` copies of one row. */
export async function rosterBomb(rows: number): Promise<{ xlsx: Buffer; unpackedBytes: number }> {
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const header = `<row r="1">${cell('A1', '户主姓名')}${cell('B1', '村民小组')}</row>`;
  const row = '<row r="2"><c r="A2"><v>1</v></c></row>';
  const perChunk = 10_000;
  const sheet = await deflate(function* () {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${header}`;
    const chunk = row.repeat(perChunk);
    for (let n = 0; n < rows; n += perChunk) yield n + perChunk <= rows ? chunk : row.repeat(rows - n);
    yield '</sheetData></worksheet>';
  });
  const ns = 'http://schemas.openxmlformats.org';
  const parts = [
    await small(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    await small(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    await small(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="农户花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    await small(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ];
  return { xlsx: zip(parts), unpackedBytes: sheet.size };
}
