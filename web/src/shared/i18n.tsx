import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/**
 * Simplified Chinese and English. The browser's language picks one at first; the person's choice
 * is remembered. Every string lives in the locale files; enum codes from the API are labelled here.
 */
export type Locale = 'zh-CN' | 'en';
type Dictionary = { [key: string]: string | Dictionary };

const DICTIONARIES: Record<Locale, Dictionary> = { 'zh-CN': { ...zh }, en: { ...en } };

/**
 * Adds a feature's messages under its own namespace (t('field.inbox.title')). Each page chunk
 * registers its locale files when it loads, so no bundle carries another feature's strings.
 */
export function registerMessages(namespace: string, messages: Record<Locale, Dictionary>): void {
  for (const locale of Object.keys(DICTIONARIES) as Locale[]) DICTIONARIES[locale][namespace] = messages[locale];
}
const STORAGE_KEY = 'fq.locale';
export const TIME_ZONE = 'Asia/Shanghai';

export function detectLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'zh-CN' || saved === 'en') return saved;
  const languages = typeof navigator !== 'undefined' ? navigator.languages : [];
  return languages.some((language) => language.toLowerCase().startsWith('zh')) || languages.length === 0 ? 'zh-CN' : 'en';
}

function lookup(dictionary: Dictionary, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  return (key, vars) => {
    const text = lookup(DICTIONARIES[locale], key) ?? lookup(DICTIONARIES['zh-CN'], key) ?? key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** 2026年11月24日 14:05 / 24 Nov 2026, 14:05 — always in the street's zone. */
  dateTime: (iso: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  number: (value: number) => string;
  /** The name of something the API gives in both languages. */
  pick: (names: { nameZh: string; nameEn: string }) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(detectLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });
    const dateFormat = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'medium' });
    const numberFormat = new Intl.NumberFormat(locale);
    return {
      locale,
      setLocale,
      t: translator(locale),
      dateTime: (iso) => (iso ? dateTimeFormat.format(new Date(iso)) : ''),
      // A calendar date ('2026-12-02') is a local date already: format it at noon UTC so no zone moves it.
      date: (iso) => (iso ? dateFormat.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : ''),
      number: (value) => numberFormat.format(value),
      pick: (names) => (locale === 'zh-CN' ? names.nameZh : names.nameEn),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** A message for an API error: the translated code, or the server's own words. */
export function errorMessage(t: Translate, error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code) {
    const translated = t(`errors.${code}`);
    if (translated !== `errors.${code}`) return translated;
  }
  return message ?? t('errors.UNKNOWN');
}
