/**
 * 统计用区划代码 of a village (村/社区): 12 digits, province · city · county · town · village.
 * The first two digits must be a province the national statistics list uses; a village-level code
 * has non-zero town (digits 7–9) and village (10–12) parts, or it names a town or county instead.
 */
const provinces = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65]);

export type VillageCodeProblem = 'format' | 'province' | 'not_village';

export function villageCodeProblem(code: string): VillageCodeProblem | null {
  if (!/^\d{12}$/.test(code)) return 'format';
  if (!provinces.has(Number(code.slice(0, 2)))) return 'province';
  if (code.slice(6, 9) === '000' || code.slice(9, 12) === '000') return 'not_village';
  return null;
}

export const villageCodeMessages: Record<VillageCodeProblem, string> = {
  format: '统计用区划代码应为 12 位数字 (the village code has 12 digits)',
  province: '统计用区划代码的前两位不是省级代码 (the first two digits are not a province)',
  not_village: '这是乡镇或区县的代码，请填写村（社区）的 12 位代码 (this code names a town or county, not a village)',
};
