import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from './gb18030.js';

const decode = (b: Buffer) => new TextDecoder('gb18030').decode(b);

describe('GB18030 encoding', () => {
  it('round-trips names with characters beyond GBK', () => {
    for (const name of ['张𠮷', '王䶮', '㐀丽', '李喆堃', '积分兑换凭证 C01-2026-000123']) {
      expect(decode(encodeGb18030(name))).toBe(name);
    }
  });

  it('gives 𠮷 and 㐀 their four-byte codes, which GBK cannot express', () => {
    expect(encodeGb18030('𠮷')).toEqual(Buffer.from([0x95, 0x34, 0xb2, 0x35]));
    expect(encodeGb18030('㐀')).toEqual(Buffer.from([0x81, 0x39, 0xee, 0x39]));
    expect(iconv.encode('𠮷', 'gbk').toString()).toBe('?');
  });

  it('gives 䶮 (U+4DAE) the code FE9F that GB18030-2022 assigns its glyph', () => {
    // GB18030-2005 mapped FE9F to a private-use code point; the 2022 edition and the WHATWG
    // decoder map it to U+4DAE. The glyph at FE9F has always been 䶮, so printers print it.
    expect(encodeGb18030('䶮')).toEqual(Buffer.from([0xfe, 0x9f]));
    expect(decode(Buffer.from([0xfe, 0x9f]))).toBe('䶮');
  });

  it('keeps ASCII single-byte', () => {
    expect(encodeGb18030('C01-2026 45')).toEqual(Buffer.from('C01-2026 45', 'ascii'));
  });
});
