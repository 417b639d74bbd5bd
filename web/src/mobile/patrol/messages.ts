import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import '../report/report.css';
import './patrol.css';

/** The Ping An Partner pages' words (t('patrol.…')) and styles. */
registerMessages('patrol', { 'zh-CN': zh, en });
