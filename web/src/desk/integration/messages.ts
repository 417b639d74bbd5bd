import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The integration and register import pages' words (t('deskIntegration.…')), loaded with the first of them. */
registerMessages('deskIntegration', { 'zh-CN': zh, en });
