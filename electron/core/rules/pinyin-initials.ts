import { pinyin } from 'pinyin-pro';

/** 张三丰 -> zsf. Surnames read as surnames (单 is shan, not dan); only Han characters count. */
export function pinyinInitials(name: string): string {
  return pinyin(name.replace(/[^\p{Script=Han}]/gu, ''), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
