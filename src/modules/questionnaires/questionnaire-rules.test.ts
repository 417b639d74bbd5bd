import { describe, expect, it } from 'vitest';
import { checkAnswers, checkQuestions, compareVersions, type Question, tally } from './questionnaire-rules.ts';

const courses: Question = {
  key: 'courses',
  kind: 'multiple',
  title: '您希望社区开设哪些课程？',
  required: true,
  maxChoices: 2,
  options: [
    { key: 'yoga', label: '女性调理瑜伽' },
    { key: 'lego', label: '乐高AI智能课' },
    { key: 'art', label: '插画艺术' },
  ],
};
const time: Question = {
  key: 'time',
  kind: 'single',
  title: '什么时间方便？',
  required: true,
  options: [
    { key: 'evening', label: '工作日晚上' },
    { key: 'weekend', label: '周末' },
  ],
};
const satisfaction: Question = { key: 'satisfaction', kind: 'rating', title: '对社区服务的满意度', required: false, scale: 5 };
const ideas: Question = { key: 'ideas', kind: 'text', title: '其他建议', required: false };
const questions = [courses, time, satisfaction, ideas];

describe('a question list', () => {
  it('is accepted with unique keys and choices of two or more options', () => {
    expect(checkQuestions(questions).ok).toBe(true);
  });
  it('is refused empty, with a key used twice, or with a choice of one option', () => {
    expect(checkQuestions([])).toMatchObject({ ok: false, error: { code: 'QUESTIONNAIRE_EMPTY' } });
    expect(checkQuestions([time, { ...ideas, key: 'time' }])).toMatchObject({ ok: false, error: { field: 'questions.1.key' } });
    expect(checkQuestions([{ ...time, options: [{ key: 'a', label: 'A' }] }])).toMatchObject({
      ok: false,
      error: { code: 'QUESTION_OPTIONS_MISSING', field: 'questions.0.options' },
    });
  });
});

describe('answers', () => {
  it('are kept as given when every required question is answered within its options and scale', () => {
    const result = checkAnswers(questions, {
      courses: ['yoga', 'art', 'yoga'],
      time: 'weekend',
      satisfaction: 4,
      ideas: '  希望有书法课 ',
    });
    expect(result).toEqual({
      ok: true,
      value: { courses: ['yoga', 'art'], time: 'weekend', satisfaction: 4, ideas: '希望有书法课' },
    });
  });
  it('may leave out what is optional', () => {
    expect(checkAnswers(questions, { courses: ['lego'], time: 'evening', ideas: '   ' })).toEqual({
      ok: true,
      value: { courses: ['lego'], time: 'evening' },
    });
  });
  it('are refused with the question at fault', () => {
    expect(checkAnswers(questions, { time: 'evening' })).toMatchObject({
      ok: false,
      error: { code: 'ANSWER_REQUIRED', field: 'answers.courses' },
    });
    expect(checkAnswers(questions, { courses: ['yoga', 'lego', 'art'], time: 'evening' })).toMatchObject({
      ok: false,
      error: { code: 'ANSWER_TOO_MANY' },
    });
    expect(checkAnswers(questions, { courses: ['yoga'], time: 'night' })).toMatchObject({
      ok: false,
      error: { field: 'answers.time' },
    });
    expect(checkAnswers(questions, { courses: ['yoga'], time: 'evening', satisfaction: 6 })).toMatchObject({
      ok: false,
      error: { field: 'answers.satisfaction' },
    });
  });
  it('are refused for a question the version does not ask', () => {
    expect(checkAnswers([time], { time: 'evening', courses: ['yoga'] })).toMatchObject({
      ok: false,
      error: { code: 'ANSWER_UNKNOWN_QUESTION', field: 'answers.courses' },
    });
  });
});

describe('a revision', () => {
  it('says which questions were added, removed or asked differently', () => {
    const revised = [
      { ...courses, options: [...(courses.options ?? []), { key: 'parents', label: '智慧家长课堂' }] },
      time,
      ideas,
      satisfaction,
    ];
    expect(compareVersions(questions, revised)).toEqual({ added: [], removed: [], changed: ['courses'] });
    expect(compareVersions([courses, time], [courses, ideas])).toEqual({ added: ['ideas'], removed: ['time'], changed: [] });
  });
});

describe('the results of a version', () => {
  it('count each option, average the ratings and show the latest texts first', () => {
    const results = tally(questions, [
      { courses: ['yoga', 'art'], time: 'evening', satisfaction: 5, ideas: '第一条' },
      { courses: ['yoga'], time: 'weekend', satisfaction: 4 },
      { courses: ['lego'], time: 'evening', ideas: '第二条' },
    ]);
    expect(results[0]).toMatchObject({
      answered: 3,
      options: [
        { key: 'yoga', count: 2 },
        { key: 'lego', count: 1 },
        { key: 'art', count: 1 },
      ],
    });
    expect(results[1]).toMatchObject({ options: [{ count: 2 }, { count: 1 }] });
    expect(results[2]).toEqual({
      key: 'satisfaction',
      kind: 'rating',
      title: satisfaction.title,
      answered: 2,
      average: 4.5,
      counts: [0, 0, 0, 1, 1],
    });
    expect(results[3]).toMatchObject({ answered: 2, samples: ['第二条', '第一条'] });
  });
  it('have no average before anyone answers', () => {
    expect(tally([satisfaction], [])[0]).toMatchObject({ answered: 0, average: null, counts: [0, 0, 0, 0, 0] });
  });
});
