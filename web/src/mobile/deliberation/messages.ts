import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
// The chips, fields and photo picker of the report form, which the proposal form shares.
import '../report/messages.ts';
import '../report/report.css';
import '../community/community.css';
import './deliberation.css';

/** The deliberation pages' words on the phone (t('delib.…')). */
registerMessages('delib', { 'zh-CN': zh, en });
