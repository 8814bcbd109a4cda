import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { format } from '../i18n/messages';

/** 今日兑换's words for another day and the search. Chinese first; English mirrors it key for key. */
const zh = {
  backToToday: '回到今天',
  dayTitle: '兑换记录',
  search: '搜索：单号、户主、卡号或拼音首字母',
  noMatch: '没有符合“{q}”的兑换单',
  noneOnDay: '{date} 没有兑换',
  shown: '显示 {n} 笔',
};

const en: typeof zh = {
  backToToday: 'Back to today',
  dayTitle: 'Redemptions',
  search: 'Search: receipt, head, card or pinyin initials',
  noMatch: 'No receipt matches "{q}"',
  noneOnDay: 'No redemptions on {date}',
  shown: '{n} shown',
};

export const todayMessages = { zh, en } as const;
export type TodayKey = keyof typeof zh;

export function useTodayText() {
  const { lang } = useI18n();
  return useCallback((key: TodayKey, vars?: Record<string, string | number>) => format(todayMessages[lang][key], vars), [lang]);
}
