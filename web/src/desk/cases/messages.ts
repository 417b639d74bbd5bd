import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import './cases.css';

/** The case pages' words (t('deskCases.…')) and styles, loaded with the first case page opened. */
registerMessages('deskCases', { 'zh-CN': zh, en });
