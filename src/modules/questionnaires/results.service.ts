/**
 * Results of a questionnaire, version by version (answers are never mixed across versions), and
 * the same as a workbook: per version a sheet of counts and a sheet of the answers as given, with
 * no name, phone or household of anyone who answered. Text a spreadsheet would run as a formula is
 * neutralised.
 */
import { TZDate } from '@date-fns/tz';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { neutralise, safeRow } from '../../platform/export/safe-cells.ts';
import type { Actor } from '../access/access.policy.ts';
import { type Answer, type Question, tally } from './questionnaire-rules.ts';
import { readableForResults } from './questionnaires.service.ts';

type Db = Kysely<DB>;

async function answersOf(db: Db, versionId: string) {
  return db
    .selectFrom('questionnaire_responses')
    .select(['answers', 'submitted_at'])
    .where('version_id', '=', versionId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export async function results(db: Db, actor: Actor, id: string) {
  const { versions } = await readableForResults(db, actor, id);
  const out = [];
  for (const version of versions) {
    const answers = await answersOf(db, version.id);
    const { intro: _intro, questions, ...summary } = version;
    out.push({
      ...summary,
      results: tally(
        questions,
        answers.map((a) => a.answers),
      ),
    });
  }
  return { id, title: versions.at(-1)?.title ?? '', versions: out };
}

const WORDS = {
  'zh-CN': {
    summary: (v: number) => `第${v}版统计`,
    answers: (v: number) => `第${v}版答卷`,
    question: '问题',
    option: '选项',
    count: '人数',
    average: '平均分',
    answered: '作答人数',
    submitted: '提交时间',
    number: '序号',
  },
  en: {
    summary: (v: number) => `v${v} results`,
    answers: (v: number) => `v${v} answers`,
    question: 'Question',
    option: 'Option',
    count: 'Count',
    average: 'Average',
    answered: 'Answered',
    submitted: 'Submitted',
    number: 'No.',
  },
} as const;

function cellOf(question: Question, answer: Answer | undefined): string | number | null {
  if (answer === undefined) return null;
  const label = (key: string) => question.options?.find((o) => o.key === key)?.label ?? key;
  if (question.kind === 'single') return label(String(answer));
  if (question.kind === 'multiple') return (answer as string[]).map(label).join('; ');
  if (question.kind === 'rating') return answer as number;
  return String(answer);
}

export async function exportResults(db: Db, actor: Actor, id: string, lang: keyof typeof WORDS, timeZone: string) {
  const { versions } = await readableForResults(db, actor, id);
  const words = WORDS[lang];
  const book = new ExcelJS.Workbook();
  book.created = new Date(0);
  for (const version of versions) {
    const answers = await answersOf(db, version.id);
    const summary = book.addWorksheet(words.summary(version.version));
    summary.columns = [
      { header: words.question, width: 40 },
      { header: words.option, width: 30 },
      { header: words.count, width: 10 },
    ];
    for (const result of tally(
      version.questions,
      answers.map((a) => a.answers),
    )) {
      if (result.kind === 'single' || result.kind === 'multiple') {
        for (const option of result.options) summary.addRow(safeRow([result.title, option.label, option.count]));
      } else if (result.kind === 'rating') {
        summary.addRow(safeRow([result.title, words.average, result.average]));
        for (const [i, count] of result.counts.entries()) summary.addRow(safeRow([result.title, String(i + 1), count]));
      } else {
        summary.addRow(safeRow([result.title, words.answered, result.answered]));
      }
    }
    const sheet = book.addWorksheet(words.answers(version.version));
    sheet.columns = [
      { header: words.number, width: 6 },
      { header: words.submitted, width: 18 },
      ...version.questions.map((q) => ({ header: neutralise(q.title), width: 24 })),
    ];
    answers.forEach((a, i) => {
      // The wall-clock time in the street's zone: spreadsheets have no zones.
      const t = new TZDate(a.submitted_at.getTime(), timeZone);
      const local = new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes()));
      sheet.addRow(safeRow([i + 1, local, ...version.questions.map((q) => cellOf(q, a.answers[q.key]))]));
    });
    sheet.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';
  }
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  return { bytes, fileName: `questionnaire-${id.slice(0, 8)}.xlsx` };
}
