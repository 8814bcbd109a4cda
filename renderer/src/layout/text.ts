import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** The frame's own words (the menu's collapse toggle). Chinese first; English mirrors it key for key. */
const zh = {
  menuCollapse: '收起菜单',
  menuExpand: '展开菜单',
};

const en: typeof zh = {
  menuCollapse: 'Collapse menu',
  menuExpand: 'Expand menu',
};

export const layoutMessages = { zh, en } as const;
export type LayoutKey = keyof typeof zh;

export function useLayoutText() {
  const { lang } = useI18n();
  return useCallback((key: LayoutKey) => layoutMessages[lang][key], [lang]);
}
