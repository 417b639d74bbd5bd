import { registerMessages } from '../../shared/i18n.tsx';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import './property-scores.css';

/** The property evaluation pages' words (t('deskScores.…')), loaded with the first of them. */
registerMessages('deskScores', { 'zh-CN': zh, en });
