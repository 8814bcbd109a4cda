import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { describeError } from './error-text';
import { translate, type Lang, type MessageKey } from './messages';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** An error as one readable line, in the current language. */
  errorText(e: unknown): string;
}

const I18nContext = createContext<I18n | null>(null);
const storageKey = 'pos.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** antd's calendars take their month and weekday names from dayjs, so dayjs follows the app's language. */
function applyLang(lang: Lang): Lang {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return lang;
}

const initialLang = () => applyLang(storedLang());

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(applyLang(l));
    try {
      localStorage.setItem(storageKey, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      errorText: (e) => describeError(e, lang).text,
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
