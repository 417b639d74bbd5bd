import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
// The chips and fields of the report form, which these forms share.
import '../report/report.css';
import './community.css';

/** The community-service pages' words (t('community.…')): volunteering, activities, services, points, questionnaires. */
registerMessages('community', { 'zh-CN': zh, en });
