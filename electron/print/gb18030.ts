import iconv from 'iconv-lite';

/**
 * Receipt text bytes. GB18030, not GBK: a household head's name may hold a character outside GBK
 * (𠮷, 㐀), which only GB18030's four-byte codes reach. Every Unicode scalar value has a GB18030
 * code, so nothing is silently turned into '?'.
 */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}
