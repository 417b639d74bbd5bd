import { registerMessages } from '../../shared/i18n.tsx';
import '../cases/messages.ts';
import en from './locales/en.json';
import './deliberation.css';
import zh from './locales/zh-CN.json';

/** The deliberation pages' words (t('deskDelib.…')), loaded with the first of them. */
registerMessages('deskDelib', { 'zh-CN': zh, en });
