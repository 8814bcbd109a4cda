import { z } from 'zod';
import { isValidDate } from './rules/village-date.js';

// Validation messages reach the counter screen as they are, so they speak Chinese.
z.config(z.locales.zhCN());

/** Points are whole numbers at the boundary; a fraction never reaches arithmetic. */
export const points = z.number().int('积分必须是整数 (points must be an integer)').positive('积分必须大于 0').max(1_000_000);
export const qty = z.number().int('数量必须是整数 (quantity must be an integer)').positive('数量必须大于 0').max(10_000);
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const fen = z.number().int('金额以分为单位，必须是整数').min(0).max(100_000_000);

/**
 * C0 controls (tab and line breaks included), DEL and C1 controls. Invisible on screen and on a
 * receipt, and an Excel file cannot carry them: an exported name read back would no longer match
 * the one on file, and the re-import would add the person again.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- as above, line feed excepted
const controlCharactersButNewline = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
export const hasControlCharacter = (s: string, allowNewline = false): boolean => (allowNewline ? controlCharactersButNewline : controlCharacters).test(s);
const noControlCharacters = (allowNewline: boolean) =>
  [
    (s: string) => !hasControlCharacter(s, allowNewline),
    { message: '不能含控制字符 (no control characters)', params: { reason: 'control_character' } },
  ] as const;

/** One line of free text (a name, a group, a donor): CJK, emoji and rare characters such as 𠮷 are fine. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `最多 ${max} 个字`)
    .refine(...noControlCharacters(false));
export const requiredText = (max: number) => text(max).min(1, '不能为空');
/** A note or reason typed in a text area: line breaks (normalised to \n) are its only control characters. */
export const noteText = (max: number) =>
  z
    .string()
    .trim()
    .overwrite((s) => s.replace(/\r\n?/g, '\n'))
    .max(max, `最多 ${max} 个字`)
    .refine(...noControlCharacters(true));
export const requiredNoteText = (max: number) => noteText(max).min(1, '不能为空');

/** The machine-readable reason a schema attached to an issue (a refine's params.reason), if any. */
export function issueReason(issue: z.core.$ZodIssue): string | undefined {
  const reason = (issue as { params?: { reason?: unknown } }).params?.reason;
  return typeof reason === 'string' ? reason : undefined;
}
export const date = z.string().refine(isValidDate, '日期格式应为 YYYY-MM-DD');
export const year = z.number().int().min(2000).max(2100);
export const pin = z.string().regex(/^\d{6,12}$/, 'PIN 应为 6-12 位数字 (PIN must be 6-12 digits)');
export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, '用户名只能含字母、数字和 _ . -');
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId 应为 8-64 位字母数字');
export const cardNo = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, '卡号只能含数字、字母和 -');
export const fundingSource = z.enum(['fiscal', 'collective', 'donation', 'sponsor']);
export const empty = z.strictObject({}).optional().default({});
