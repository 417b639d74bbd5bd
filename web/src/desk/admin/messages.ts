import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The administration pages' strings, registered when their chunk loads. */
registerMessages('admin', { 'zh-CN': zh, en });
