import { registerMessages } from '../../shared/i18n.tsx';
import '../cases/messages.ts';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import './care.css';

/** The care pages' words (t('deskCare.…')), loaded with the first of them. */
registerMessages('deskCare', { 'zh-CN': zh, en });
