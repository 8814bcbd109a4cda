import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { format } from '../i18n/messages';

/** The customer display's words and its counter button. Chinese first; English mirrors it key for key. */
const zh = {
  openDisplay: '顾客屏',
  openDisplayHint: '在新窗口打开给村民看的屏幕',
  welcome: '欢迎光临',
  appName: '积分超市',
  idleHint: '请把积分卡交给店员',
  score: '{year} 年积分',
  available: '可用积分',
  colItem: '商品 / 服务',
  colQty: '数量',
  colPoints: '积分',
  cartEmpty: '请挑选商品',
  total: '合计',
  left: '兑换后剩余',
  pointsUnit: '分',
  done: '兑换成功',
  receiptNo: '小票号',
  thanks: '谢谢，欢迎再来',
};

const en: Record<DisplayKey, string> = {
  openDisplay: 'Customer display',
  openDisplayHint: 'Open the villager-facing screen in a new window',
  welcome: 'Welcome',
  appName: 'Points Supermarket',
  idleHint: 'Please hand your points card to the shopkeeper',
  score: 'Score {year}',
  available: 'Available points',
  colItem: 'Goods / service',
  colQty: 'Qty',
  colPoints: 'Points',
  cartEmpty: 'Please choose your goods',
  total: 'Total',
  left: 'Points left after',
  pointsUnit: 'pts',
  done: 'Redeemed',
  receiptNo: 'Receipt no.',
  thanks: 'Thank you, see you again',
};

export type DisplayKey = keyof typeof zh;
export const displayMessages = { zh, en } as const;

export function useDisplayText() {
  const { lang } = useI18n();
  return useCallback((key: DisplayKey, vars?: Record<string, string | number>) => format(displayMessages[lang][key] ?? zh[key], vars), [lang]);
}
