import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';

/** The map's and the wall screen's strings, registered when their chunk loads. */
registerMessages('geo', { 'zh-CN': zh, en });
