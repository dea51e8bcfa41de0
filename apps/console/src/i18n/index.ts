import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The console speaks Chinese first; English is a switch a person makes once (kept in localStorage). */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'aftercare.console.language';

/**
 * One catalogue per page folder (`locales/<lang>/<namespace>.json`), loaded when the page is: a partner never
 * downloads the staff pages' words. `common` (buttons, states, errors) and `enums` (every status/role/… label)
 * are loaded before the first render.
 */
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = catalogues[`./locales/${language}/${namespace}.json`];
    if (!load) return callback(new Error(`no catalogue ${language}/${namespace}`), false);
    load().then(
      (module) => callback(null, module.default),
      (error: Error) => callback(error, false),
    );
  },
};

export function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** dayjs (antd's pickers and calendars) and `<html lang>` follow the console's language. */
function follow(language: string): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the switch holds for this page only
  }
  await i18next.changeLanguage(language);
}

export const i18n: I18n = i18next;

export async function initI18n(language: Language = storedLanguage()): Promise<I18n> {
  i18next.on('languageChanged', follow);
  await i18next
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      load: 'currentOnly',
      ns: ['common', 'enums'],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      // A key with no text shows as [[namespace:key]]: obvious on screen, and the browser suite fails on it.
      parseMissingKeyHandler: (key: string) => `[[${key}]]`,
      react: { useSuspense: true },
    });
  follow(language);
  return i18next;
}
