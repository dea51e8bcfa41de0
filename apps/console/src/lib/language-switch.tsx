import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

/** 中文 / English: the choice is kept in localStorage; `<html lang>`, antd and dayjs follow it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('nav.language')}
      value={i18n.language as Language}
      options={LANGUAGES.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      onChange={(language) => void setLanguage(language)}
      data-testid="language-switch"
    />
  );
}
