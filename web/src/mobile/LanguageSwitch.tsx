import { useI18n } from '../shared/i18n.tsx';

/** One tap between Chinese and English, remembered on this phone. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <button
      type="button"
      className="fq-lang"
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
      aria-label={t('app.language')}
    >
      {t('app.switchLanguage')}
    </button>
  );
}
