import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The mediation pages: studios, their free times, booking and my consultations. */
registerMessages('mediation', { 'zh-CN': zh, en });
