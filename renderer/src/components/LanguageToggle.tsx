import { Segmented } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import type { Lang } from '../i18n/messages';

export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('language')}
      data-testid="lang-toggle"
      value={lang}
      onChange={setLang}
      options={[
        // A language's own name is never translated.
        {
          label: (
            <span lang="zh-CN" translate="no">
              中文
            </span>
          ),
          value: 'zh',
        },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
