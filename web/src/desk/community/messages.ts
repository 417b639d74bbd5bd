import { registerMessages } from '../../shared/i18n.tsx';
// The photo upload and gallery of the case pages, used by the activity report, speak in the cases' words.
import '../cases/messages.ts';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import './community.css';

/** The desk's volunteer, service, activity, points and questionnaire pages: words (t('deskCommunity.…')) and styles. */
registerMessages('deskCommunity', { 'zh-CN': zh, en });
