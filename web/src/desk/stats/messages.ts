import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The statistics pages' strings, registered when their chunk loads; indicator names and definitions come from the registry API. */
registerMessages('stats', { 'zh-CN': zh, en });
