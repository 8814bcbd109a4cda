import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { format } from '../i18n/messages';

/** The care switch's words. Chinese first; English mirrors it key for key. */
const zh = {
  careMode: '长辈模式',
  careHint: '大字、高对比、大按钮（只对这台电脑）',
};

const en: Record<CareKey, string> = {
  careMode: 'Care mode',
  careHint: 'Large text, strong contrast, big buttons (this computer only)',
};

export type CareKey = keyof typeof zh;
export const careMessages = { zh, en } as const;

export function useCareText() {
  const { lang } = useI18n();
  return useCallback((key: CareKey, vars?: Record<string, string | number>) => format(careMessages[lang][key] ?? zh[key], vars), [lang]);
}
