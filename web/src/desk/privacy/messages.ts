import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The privacy page's words (t('deskPrivacy.…')), loaded with it. */
registerMessages('deskPrivacy', { 'zh-CN': zh, en });
