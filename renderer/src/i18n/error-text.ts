import { codeOfReason, type ErrorReason } from '@shared/core/error-reasons';
import type { ClientErrorCode } from '../api/errors';
import { reasonText } from './error-reasons-text';
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
 * In Chinese the gloss is noise at a busy counter, so it is dropped.
 */
export function cleanServerMessage(message: string): string {
  const cleaned = message.replace(/\s*[(（][A-Za-z][^()（）\u3400-\u9fff]*[)）]/g, '').trim();
  return cleaned || message.trim();
}

export interface ErrorFacts {
  code: string;
  reason?: string;
  details?: unknown;
  message?: string;
}

type Vars = Record<string, string | number>;

/** The figures a text may name: the details' scalars, plus a few the texts need put together. */
function varsOf(details: unknown): Vars {
  const vars: Vars = {};
  if (!details || typeof details !== 'object') return vars;
  for (const [k, v] of Object.entries(details)) {
    if (typeof v === 'string' || typeof v === 'number') vars[k] = v;
  }
  const d = details as { issues?: unknown; max?: unknown; min?: unknown; minimum?: unknown };
  if (Array.isArray(d.issues)) {
    vars.fields =
      d.issues
        .map((i: { path?: unknown }) => String(i?.path ?? ''))
        .filter(Boolean)
        .join(', ') || '—';
  }
  if ('max' in d && d.max === null) vars.max = '∞';
  if ('min' in d && d.min === null) vars.min = 1;
  return vars;
}

/** Fills {placeholders}; null when a figure the text needs is missing, so it is never shown half-filled. */
function fill(template: string, vars: Vars): string | null {
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (vars[k] === undefined) complete = false;
    return String(vars[k] ?? '');
  });
  return complete ? text : null;
}

/** The reason's own text with its figures, or null: no reason, one not declared under this code, or a figure missing. */
export function reasonWords(e: ErrorFacts, lang: Lang): string | null {
  if (e.reason === undefined || codeOfReason(e.reason) !== e.code) return null;
  return fill(reasonText[lang][e.reason as ErrorReason], varsOf(e.details));
}

/**
 * One refusal in words of the current language, decided by code and reason only. A reason this build
 * does not know, or one whose figures are missing, gives the code's generic text; in Chinese the
 * server's own (Chinese) sentence may stand in, in English it never does.
 */
export function errorMessage(e: ErrorFacts, lang: Lang): string {
  const worded = reasonWords(e, lang);
  // zod speaks Chinese here (validation.ts), and names the rule broken, which beats a list of fields.
  if (lang === 'zh' && e.message && (!worded || e.reason === 'invalid_params')) return cleanServerMessage(e.message);
  return worded ?? errorTitle(e.code, lang);
}

export interface ErrorText {
  code: string;
  reason?: string;
  text: string;
}

function factsOf(e: unknown): ErrorFacts {
  if (typeof e === 'object' && e && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    const x = e as { code: string; reason?: unknown; details?: unknown; message?: unknown };
    return {
      code: x.code,
      reason: typeof x.reason === 'string' ? x.reason : undefined,
      details: x.details,
      message: typeof x.message === 'string' ? x.message : undefined,
    };
  }
  // Not a refusal from the server: a bug in the page. Its text is for developers, not for the counter.
  return { code: 'INTERNAL', message: e instanceof Error ? `${errorTitle('INTERNAL', 'zh')}：${e.message}` : undefined };
}

/** One line for a banner, in the current language. */
export function describeError(e: unknown, lang: Lang): ErrorText {
  const facts = factsOf(e);
  return { code: facts.code, reason: facts.reason, text: errorMessage(facts, lang) };
}
