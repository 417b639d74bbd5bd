import { registerMessages } from '../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The few words of the phone app's first screen beyond the shared ones. */
registerMessages('mobile', { 'zh-CN': zh, en });
