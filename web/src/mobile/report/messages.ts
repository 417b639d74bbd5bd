import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The report form's words, shared by the residents' report page and the field app's new case. */
registerMessages('report', { 'zh-CN': zh, en });
