import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The residents' pages: report, follow by code, my reports. */
registerMessages('resident', { 'zh-CN': zh, en });
