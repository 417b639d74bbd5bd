import { registerMessages } from '../../shared/i18n.tsx';
import '../cases/messages.ts';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import './mediation.css';

/** The mediation pages' words (t('deskMediation.…')) and styles, loaded with the first of them. */
registerMessages('deskMediation', { 'zh-CN': zh, en });
