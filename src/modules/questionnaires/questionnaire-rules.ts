/**
 * A questionnaire as data: its questions (single or multiple choice, rating, text), what makes a
 * set of answers complete and valid, what changed between two versions, and the results of one
 * version counted from its answers. Pure: no HTTP, no SQL.
 */
export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const ANSWER_PER = ['resident', 'household'] as const;
export type AnswerPer = (typeof ANSWER_PER)[number];
export const QUESTIONNAIRE_STATES = ['draft', 'published', 'closed'] as const;
export type QuestionnaireState = (typeof QUESTIONNAIRE_STATES)[number];
export const VERSION_STATES = ['draft', 'published', 'superseded'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export interface Option {
  key: string;
  label: string;
}

export interface Question {
  key: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  options?: Option[] | undefined;
  /** Multiple choice: at most this many ticked. */
  maxChoices?: number | null | undefined;
  /** Rating: from 1 to this. */
  scale?: number | null | undefined;
}

export type Answer = string | string[] | number;

export const TEXT_ANSWER_MAX = 1000;
export const DEFAULT_SCALE = 5;

type Refusal = { code: string; message: string; field: string };
export type Ruled<T> = { ok: true; value: T } | { ok: false; error: Refusal };
const refuse = (code: string, message: string, field: string): Ruled<never> => ({ ok: false, error: { code, message, field } });

/** A question list a resident can answer: unique keys, choices with at least two distinct options. */
export function checkQuestions(questions: readonly Question[]): Ruled<Question[]> {
  if (questions.length === 0) return refuse('QUESTIONNAIRE_EMPTY', 'Add at least one question.', 'questions');
  const keys = new Set<string>();
  for (const [i, q] of questions.entries()) {
    if (keys.has(q.key)) return refuse('QUESTION_KEY_REPEATED', `Question key ${q.key} is used twice.`, `questions.${i}.key`);
    keys.add(q.key);
    if (q.kind === 'single' || q.kind === 'multiple') {
      const options = q.options ?? [];
      if (options.length < 2)
        return refuse('QUESTION_OPTIONS_MISSING', 'A choice needs at least two options.', `questions.${i}.options`);
      if (new Set(options.map((o) => o.key)).size !== options.length)
        return refuse('QUESTION_OPTIONS_REPEATED', 'Each option needs its own key.', `questions.${i}.options`);
    }
  }
  return { ok: true, value: [...questions] };
}

/**
 * A resident's answers checked against the version they answer: every required question answered,
 * choices among its options, ratings within the scale, nothing that is not asked.
 */
export function checkAnswers(questions: readonly Question[], answers: Record<string, unknown>): Ruled<Record<string, Answer>> {
  const checked: Record<string, Answer> = {};
  const asked = new Set(questions.map((q) => q.key));
  const stray = Object.keys(answers).find((key) => !asked.has(key));
  if (stray) return refuse('ANSWER_UNKNOWN_QUESTION', 'That question is not in this version.', `answers.${stray}`);
  for (const q of questions) {
    const field = `answers.${q.key}`;
    const value = answers[q.key];
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) return refuse('ANSWER_REQUIRED', 'Please answer this question.', field);
      continue;
    }
    const optionKeys = new Set((q.options ?? []).map((o) => o.key));
    if (q.kind === 'single') {
      if (typeof value !== 'string' || !optionKeys.has(value))
        return refuse('ANSWER_INVALID', 'Choose one of the options.', field);
      checked[q.key] = value;
    } else if (q.kind === 'multiple') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && optionKeys.has(v)))
        return refuse('ANSWER_INVALID', 'Choose among the options.', field);
      const unique = [...new Set(value as string[])];
      if (q.maxChoices && unique.length > q.maxChoices)
        return refuse('ANSWER_TOO_MANY', `Choose at most ${q.maxChoices}.`, field);
      checked[q.key] = unique;
    } else if (q.kind === 'rating') {
      const scale = q.scale ?? DEFAULT_SCALE;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > scale)
        return refuse('ANSWER_INVALID', `Give a rating from 1 to ${scale}.`, field);
      checked[q.key] = value;
    } else {
      if (typeof value !== 'string') return refuse('ANSWER_INVALID', 'Write your answer.', field);
      const text = value.trim();
      if (text.length > TEXT_ANSWER_MAX) return refuse('ANSWER_TOO_LONG', `At most ${TEXT_ANSWER_MAX} characters.`, field);
      if (!text) {
        if (q.required) return refuse('ANSWER_REQUIRED', 'Please answer this question.', field);
        continue;
      }
      checked[q.key] = text;
    }
  }
  return { ok: true, value: checked };
}

/** What a new version changed: questions added, removed, or asked differently (title, kind or options). */
export function compareVersions(before: readonly Question[], after: readonly Question[]) {
  const old = new Map(before.map((q) => [q.key, q]));
  const now = new Map(after.map((q) => [q.key, q]));
  const shape = (q: Question) =>
    JSON.stringify([q.kind, q.title, q.required, q.options ?? [], q.maxChoices ?? null, q.scale ?? null]);
  return {
    added: after.filter((q) => !old.has(q.key)).map((q) => q.key),
    removed: before.filter((q) => !now.has(q.key)).map((q) => q.key),
    changed: after.filter((q) => old.has(q.key) && shape(old.get(q.key) as Question) !== shape(q)).map((q) => q.key),
  };
}

export type QuestionResult =
  | { key: string; kind: 'single' | 'multiple'; title: string; answered: number; options: (Option & { count: number })[] }
  | { key: string; kind: 'rating'; title: string; answered: number; average: number | null; counts: number[] }
  | { key: string; kind: 'text'; title: string; answered: number; samples: string[] };

/** How many text answers a result shows: the latest ones. */
export const TEXT_SAMPLES = 20;

/** The results of one version, counted from its answers (oldest first). */
export function tally(questions: readonly Question[], responses: readonly Record<string, Answer>[]): QuestionResult[] {
  return questions.map((q): QuestionResult => {
    const given = responses.map((r) => r[q.key]).filter((a) => a !== undefined);
    if (q.kind === 'single' || q.kind === 'multiple') {
      const counts = new Map<string, number>();
      for (const answer of given) for (const key of [answer].flat()) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
      return {
        key: q.key,
        kind: q.kind,
        title: q.title,
        answered: given.length,
        options: (q.options ?? []).map((o) => ({ ...o, count: counts.get(o.key) ?? 0 })),
      };
    }
    if (q.kind === 'rating') {
      const scale = q.scale ?? DEFAULT_SCALE;
      const values = given.filter((a): a is number => typeof a === 'number');
      const counts = Array.from({ length: scale }, (_, i) => values.filter((v) => v === i + 1).length);
      const average = values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100 : null;
      return { key: q.key, kind: 'rating', title: q.title, answered: values.length, average, counts };
    }
    const texts = given.filter((a): a is string => typeof a === 'string');
    return { key: q.key, kind: 'text', title: q.title, answered: texts.length, samples: texts.slice(-TEXT_SAMPLES).reverse() };
  });
}
