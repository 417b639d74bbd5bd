import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** How a case reads to the people following it: timeline in plain words, deadline, result, rating. */
registerMessages('caseView', { 'zh-CN': zh, en });
