/**
 * 统计用区划代码: 12 digits. A county is its first 6 digits and six zeros, a town its first 9 and
 * three zeros, a village all 12 (the last three not all zero). Pure rules, tested beside this file.
 */
export type AreaLevel = 'county' | 'town' | 'village';

export const areaCodePattern = /^\d{12}$/;

export function levelOf(code: string): AreaLevel | null {
  if (!areaCodePattern.test(code) || code.startsWith('000000')) return null;
  if (code.endsWith('000000')) return 'county';
  if (code.slice(6, 9) === '000') return null; // a village or town must name its town
  return code.endsWith('000') ? 'town' : 'village';
}

export const countyOf = (code: string): string => `${code.slice(0, 6)}000000`;
export const townOf = (code: string): string => `${code.slice(0, 9)}000`;

export function parentOf(code: string): string | null {
  const level = levelOf(code);
  if (level === 'village') return townOf(code);
  if (level === 'town') return countyOf(code);
  return null;
}

/** The prefix every code inside an area starts with (county: 6 digits, town: 9, village: 12). */
export function areaPrefix(code: string): string {
  const level = levelOf(code);
  return level === 'county' ? code.slice(0, 6) : level === 'town' ? code.slice(0, 9) : code;
}

/** True when `inner` lies in `outer` (or is it). */
export const within = (inner: string, outer: string): boolean => levelOf(outer) !== null && inner.startsWith(areaPrefix(outer));
