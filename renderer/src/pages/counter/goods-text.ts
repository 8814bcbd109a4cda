import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { format } from '../../i18n/messages';

/** Words of the goods search (counter picker and catalog). Chinese first; English mirrors it key for key. */
const zh = {
  goodsSearchHint: '名称、拼音首字母或条码',
  goodsSearchHelp: '搜索商品：名称、拼音首字母（如 dm）、全拼或条码',
  noMatchingGoods: '没有匹配的商品',
  noMatchingGoodsFor: '没有匹配“{q}”的商品',
};

type GoodsKey = keyof typeof zh;

const en: Record<GoodsKey, string> = {
  goodsSearchHint: 'Name, pinyin or barcode',
  goodsSearchHelp: 'Find goods: name, pinyin initials (e.g. dm), full pinyin or barcode',
  noMatchingGoods: 'No matching goods',
  noMatchingGoodsFor: 'No matching goods for “{q}”',
};

export const goodsMessages = { zh, en } as const;

export function useGoodsText() {
  const { lang } = useI18n();
  return useCallback((key: GoodsKey, vars?: Record<string, string | number>) => format(goodsMessages[lang][key] ?? zh[key], vars), [lang]);
}
