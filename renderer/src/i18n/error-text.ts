import type { ClientErrorCode } from '../api/errors';
import type { Lang } from './messages';

const titles: Record<Lang, Record<ClientErrorCode, string>> = {
  zh: {
    INVALID_INPUT: '输入有误',
    UNAUTHENTICATED: '用户名或 PIN 不对，或登录已过期',
    FORBIDDEN: '没有权限',
    NOT_FOUND: '没有找到',
    CONFLICT: '操作冲突',
    INSUFFICIENT_POINTS: '积分不足',
    OUT_OF_STOCK: '库存不足',
    LIMIT_EXCEEDED: '超出限额',
    NOT_REDEMPTION_DAY: '今天不是兑换日',
    PRINTER_UNAVAILABLE: '打印机无法连接',
    OFFICE_UNREACHABLE: '连不上村委会',
    INTERNAL: '系统出错，操作没有完成',
    NETWORK: '连不上积分超市服务',
  },
  en: {
    INVALID_INPUT: 'Invalid input',
    UNAUTHENTICATED: 'Wrong username or PIN, or the session expired',
    FORBIDDEN: 'Not allowed',
    NOT_FOUND: 'Not found',
    CONFLICT: 'Conflict',
    INSUFFICIENT_POINTS: 'Not enough points',
    OUT_OF_STOCK: 'Out of stock',
    LIMIT_EXCEEDED: 'Limit exceeded',
    NOT_REDEMPTION_DAY: 'Today is not a redemption day',
    PRINTER_UNAVAILABLE: 'Printer unavailable',
    OFFICE_UNREACHABLE: 'Cannot reach the village office',
    INTERNAL: 'Internal error; nothing was changed',
    NETWORK: 'Cannot reach the server',
  },
};

/** The plain-language name of an error code ("积分不足"); unknown codes fall back to a generic word. */
export function errorTitle(code: string, lang: Lang): string {
  return (titles[lang] as Record<string, string>)[code] ?? (lang === 'zh' ? '出错了' : 'Error');
}

/**
 * Server messages are Chinese with an English gloss in brackets ("积分不足：… (insufficient points)").
 * In Chinese the gloss is noise at a busy counter, so it is dropped; in English it is kept.
 */
export function cleanServerMessage(message: string, lang: Lang): string {
  if (lang === 'en') return message.trim();
  const cleaned = message.replace(/\s*[(（][A-Za-z][^()（）\u3400-\u9fff]*[)）]/g, '').trim();
  return cleaned || message.trim();
}

export interface ErrorText { code: string; title: string; message: string; text: string }

/**
 * Refusals the counter meets in the normal course of business: their plain name leads the banner
 * ("积分不足：可用 5 分，需要 8 分"). For the rest (wrong PIN, invalid input, not found, conflict)
 * the server's own Chinese sentence already says it all and is shown alone.
 */
const titled = new Set(['INSUFFICIENT_POINTS', 'OUT_OF_STOCK', 'LIMIT_EXCEEDED', 'NOT_REDEMPTION_DAY', 'PRINTER_UNAVAILABLE', 'OFFICE_UNREACHABLE', 'INTERNAL', 'NETWORK']);

/** One line for a banner: the code's plain name, then what the server said (when it adds anything). */
export function describeError(e: unknown, lang: Lang): ErrorText {
  const code = typeof e === 'object' && e && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : 'INTERNAL';
  const raw = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  const title = errorTitle(code, lang);
  const message = cleanServerMessage(raw, lang);
  const said = message.toLowerCase().includes(title.toLowerCase());
  const text = !message ? title : said || !titled.has(code) ? message : `${title}${lang === 'zh' ? '：' : ': '}${message}`;
  return { code, title, message, text };
}
