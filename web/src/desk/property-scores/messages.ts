import { registerMessages } from '../../shared/i18n.tsx';
// The desk page frame (header, gaps) and case words (states) come with the case pages' messages.
import '../cases/messages.ts';
import en from './locales/en.json';
import zh from './locales/zh-CN.json';
import './property-scores.css';

/** The property evaluation pages' words (t('deskScores.…')), loaded with the first of them. */
registerMessages('deskScores', { 'zh-CN': zh, en });
