import { Button, ErrorBlock, Rate, Result, Tag } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { type FormEvent, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useParams } from 'wouter';
import { ApiError, api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Questionnaire } from '../../shared/volunteer-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { MultiChoice } from '../patrol/MultiChoice.tsx';
import { QueryState } from '../QueryState.tsx';
import { Choice } from '../report/Choice.tsx';
import './messages.ts';
import { useRefresh, useSurvey, useSurveys } from './queries.ts';
import { SignInFirst } from './SignInFirst.tsx';

/** Questionnaires under /surveys: those published to where I live, answered once per version. */
export default function SurveysApp() {
  return (
    <Switch>
      <Route path="/" component={SurveyList} />
      <Route path="/:id" component={SurveyPage} />
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}

function SurveyList() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.surveys.title')} onBack={() => navigate('~/')} />
      <SignInFirst>
        <Surveys />
      </SignInFirst>
    </main>
  );
}

function Surveys() {
  const { t } = useI18n();
  return (
    <QueryState query={useSurveys()}>
      {(items) =>
        items.length === 0 ? (
          <ErrorBlock status="empty" title={t('community.surveys.none')} description="" />
        ) : (
          <ul className="fq-cs-list">
            {items.map((q) => (
              <li key={q.id} className="fq-card">
                <Link href={`/${q.id}`} className="fq-cs-link">
                  <span className="fq-cs-row">
                    <span className="fq-cs-name">{q.title}</span>
                    <Tag color={q.answeredCurrent ? 'success' : 'warning'} fill="outline">
                      {q.answeredCurrent ? t('community.surveys.answered') : t('community.surveys.toAnswer')}
                    </Tag>
                  </span>
                  <span className="fq-cs-meta">
                    {q.nodeName} · {t('community.surveys.version', { n: q.currentVersion ?? 1 })} ·{' '}
                    {t(`community.answerPer.${q.answerPer}`)}
                  </span>
                  <RightOutline aria-hidden className="fq-entry-arrow" />
                </Link>
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

function SurveyPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.surveys.one')} onBack={() => navigate('/')} />
      <SignInFirst>
        <QueryState query={useSurvey(id)}>{(survey) => <SurveyForm key={survey.current?.id} survey={survey} />}</QueryState>
      </SignInFirst>
    </main>
  );
}

type Value = string | string[] | number | undefined;

function SurveyForm({ survey }: { survey: Questionnaire }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const version = survey.current;
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (!version) return <ErrorBlock status="empty" title={t('community.surveys.closed')} description="" />;
  const set = (key: string, value: Value) => setAnswers((current) => ({ ...current, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = Object.fromEntries(
      (version?.questions ?? [])
        .filter(
          (q) =>
            q.required &&
            (answers[q.key] === undefined ||
              answers[q.key] === '' ||
              (Array.isArray(answers[q.key]) && (answers[q.key] as string[]).length === 0)),
        )
        .map((q) => [q.key, t('community.surveys.required')]),
    );
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      await api(`/api/questionnaires/${survey.id}/responses`, { body: { versionId: version?.id, answers } });
      await refresh();
    } catch (error) {
      const field = error instanceof ApiError ? error.field?.replace(/^answers\./, '') : undefined;
      setErrors({ [field ?? '_form']: errorMessage(t, error) });
      if (error instanceof ApiError && error.code === 'QUESTIONNAIRE_VERSION_SUPERSEDED') await refresh();
    } finally {
      setBusy(false);
    }
  }

  if (survey.answeredCurrent) {
    return (
      <>
        <Result
          status="success"
          title={t('community.surveys.thanks')}
          description={t('community.surveys.answeredVersion', { n: version.version })}
        />
        <section className="fq-card">
          <h2 className="fq-card-title">{version.title}</h2>
          <dl className="fq-cs-facts">
            {version.questions.map((q) => (
              <div key={q.key}>
                <dt>{q.title}</dt>
                <dd>{answerText(q, survey.myAnswers?.[q.key])}</dd>
              </div>
            ))}
          </dl>
        </section>
      </>
    );
  }
  return (
    <form className="fq-cs-form" onSubmit={submit} noValidate>
      <section className="fq-card">
        <div className="fq-cs-row">
          <h2 className="fq-card-title">{version.title}</h2>
          <Tag fill="outline">{t('community.surveys.version', { n: version.version })}</Tag>
        </div>
        {version.intro && <p className="fq-body-text">{version.intro}</p>}
        {version.version > 1 && <p className="fq-notice">{t('community.surveys.revised', { n: version.version })}</p>}
        <p className="fq-field-hint">{t(`community.answerPer.${survey.answerPer}`)}</p>
      </section>
      {version.questions.map((q, i) => {
        const legend = `${i + 1}. ${q.title}${q.required ? '' : ` (${t('community.optional')})`}`;
        const options = (q.options ?? []).map((o) => o.key);
        const label = (key: string) => q.options?.find((o) => o.key === key)?.label ?? key;
        return (
          <section key={q.key} className="fq-card">
            {q.kind === 'single' && (
              <Choice
                legend={legend}
                options={options}
                value={(answers[q.key] as string) ?? null}
                onChange={(v) => set(q.key, v)}
                label={label}
                error={errors[q.key]}
              />
            )}
            {q.kind === 'multiple' && (
              <MultiChoice
                legend={q.maxChoices ? `${legend} ${t('community.surveys.atMost', { n: q.maxChoices })}` : legend}
                options={options}
                value={(answers[q.key] as string[]) ?? []}
                onChange={(v) => set(q.key, v)}
                label={label}
                error={errors[q.key]}
              />
            )}
            {q.kind === 'rating' && (
              <fieldset className="fq-field">
                <legend className="fq-legend">{legend}</legend>
                <Rate count={q.scale ?? 5} value={(answers[q.key] as number) ?? 0} onChange={(v) => set(q.key, v || undefined)} />
                {errors[q.key] && <p className="fq-field-error">{errors[q.key]}</p>}
              </fieldset>
            )}
            {q.kind === 'text' && (
              <div className="fq-field">
                <label className="fq-legend" htmlFor={`q-${q.key}`}>
                  {legend}
                </label>
                <textarea
                  id={`q-${q.key}`}
                  className="fq-textarea"
                  rows={3}
                  maxLength={1000}
                  value={(answers[q.key] as string) ?? ''}
                  onChange={(e) => set(q.key, e.target.value)}
                />
                {errors[q.key] && <p className="fq-field-error">{errors[q.key]}</p>}
              </div>
            )}
          </section>
        );
      })}
      {errors._form && (
        <p className="fq-notice" role="alert">
          {errors._form}
        </p>
      )}
      <div className="fq-card">
        <Button block color="primary" size="large" type="submit" loading={busy}>
          {t('community.surveys.submit')}
        </Button>
      </div>
    </form>
  );
}

function answerText(q: NonNullable<Questionnaire['current']>['questions'][number], answer: unknown): string {
  if (answer === undefined || answer === null) return '—';
  const label = (key: unknown) => q.options?.find((o) => o.key === key)?.label ?? String(key);
  if (Array.isArray(answer)) return answer.map(label).join('、');
  if (q.kind === 'single') return label(answer);
  if (q.kind === 'rating') return '★'.repeat(Number(answer));
  return String(answer);
}
