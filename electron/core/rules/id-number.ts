const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check character of the first 17 digits. */
export function checkChar(first17: string): string {
  return checkChars[weights.reduce((s, w, i) => s + w * Number(first17[i]), 0) % 11];
}

/**
 * A resident ID number (GB 11643): 17 digits and a check character. A roster typed by hand has
 * transposed digits; the check character catches nearly all of them before they reach the ledger.
 */
export function idNoProblem(idNo: string): string | null {
  if (!/^\d{17}[\dXx]$/.test(idNo)) return '身份证号应为 18 位（17 位数字加 1 位数字或 X）';
  if (checkChar(idNo.slice(0, 17)) !== idNo[17].toUpperCase()) return '身份证号校验位不符，请核对';
  const month = Number(idNo.slice(10, 12));
  const day = Number(idNo.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) return '身份证号中的出生日期有误';
  return null;
}

export const normalizeIdNo = (idNo: string): string => idNo.trim().toUpperCase();

/** Stored whole, shown masked: only the last 4 characters ever leave the office. */
export function maskIdNo(idNo: string): string {
  return idNo.length <= 4 ? idNo : `${'*'.repeat(idNo.length - 4)}${idNo.slice(-4)}`;
}
