import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The grid worker's and patrol volunteer's field app. */
registerMessages('field', { 'zh-CN': zh, en });
