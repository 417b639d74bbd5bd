import { registerMessages } from '../../shared/i18n.tsx';
import '../cases/messages.ts';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import './patrols.css';

/** The patrol and hazard pages' words (t('deskPatrols.…')) and styles, loaded with the first of them. */
registerMessages('deskPatrols', { 'zh-CN': zh, en });
