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
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
