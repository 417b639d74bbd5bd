import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The care pages of the field app: files to visit, a file, logging a visit. */
registerMessages('care', { 'zh-CN': zh, en });
