import { Button, Dialog, Rate, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { RequestAction, ServiceRequest } from '../../shared/volunteer-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { useRefresh, useRequest } from './queries.ts';
import { SignInFirst } from './SignInFirst.tsx';

/** A service request as the resident or the volunteer sees it: what, when, by whom, its timeline and the next move. */
export function RequestPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader
        title={t('community.request.title')}
        onBack={() => (window.history.length > 1 ? window.history.back() : navigate('/mine'))}
      />
      <SignInFirst>
        <RequestView id={id} />
      </SignInFirst>
    </main>
  );
}

function RequestView({ id }: { id: string }) {
  return <QueryState query={useRequest(id)}>{(request) => <RequestCards request={request} />}</QueryState>;
}

function RequestCards({ request }: { request: ServiceRequest }) {
  const { t, pick, date, dateTime } = useI18n();
  return (
    <>
      <section className="fq-card">
        <div className="fq-cs-row">
          <h2 className="fq-card-title">{pick({ nameZh: request.itemNameZh, nameEn: request.itemNameEn })}</h2>
          <Tag color={request.deadline === 'overdue' ? 'danger' : 'primary'}>{t(`community.requestState.${request.state}`)}</Tag>
        </div>
        <p className="fq-cs-meta">
          {request.number} · {t('community.request.due', { date: date(request.dueDate) })}
        </p>
        <p className="fq-body-text">{request.description}</p>
        <dl className="fq-cs-facts">
          {request.preferredTime && (
            <div>
              <dt>{t('community.request.preferredTime')}</dt>
              <dd>{request.preferredTime}</dd>
            </div>
          )}
          {request.volunteer && (
            <div>
              <dt>{t('community.request.volunteer')}</dt>
              <dd>{request.volunteer.name}</dd>
            </div>
          )}
          {request.contactPhone && (
            <div>
              <dt>{t('community.request.phone')}</dt>
              <dd>{request.contactPhone}</dd>
            </div>
          )}
          {request.rating !== null && (
            <div>
              <dt>{t('community.request.rating')}</dt>
              <dd>
                <Rate readOnly value={request.rating} /> {request.ratingComment}
              </dd>
            </div>
          )}
        </dl>
      </section>
      {request.allowedActions.length > 0 && <Moves request={request} />}
      <section className="fq-card">
        <h2 className="fq-card-title">{t('community.request.timeline')}</h2>
        <ol className="fq-cs-timeline">
          {request.timeline.map((entry) => (
            <li key={`${entry.type}-${entry.at}`}>
              <span className="fq-cs-name">{t(`community.requestEvent.${entry.type.replace('service_request.', '')}`)}</span>
              <span className="fq-cs-meta">
                {dateTime(entry.at)}
                {entry.actorName ? ` · ${entry.actorName}` : ''}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

/** The moves this person may make now, as the server lists them. */
function Moves({ request }: { request: ServiceRequest }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<RequestAction | null>(null);
  async function act(action: RequestAction, body: object) {
    setBusy(action);
    try {
      await api(`/api/services/requests/${request.id}/${action}`, { body: { ...body, expectedVersion: undefined } });
      await refresh();
      Toast.show({ content: t(`community.requestDone.${action}`) });
    } catch (error) {
      Toast.show({ content: errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  }
  const withReason = async (action: RequestAction) => {
    let reason = '';
    const confirmed = await Dialog.confirm({
      title: t(`community.requestAction.${action}`),
      content: <TextArea placeholder={t('community.request.reason')} onChange={(value) => (reason = value)} rows={3} />,
      confirmText: t('common.confirm'),
      cancelText: t('common.cancel'),
    });
    if (confirmed && reason.trim()) await act(action, { reason: reason.trim() });
  };
  const can = (action: RequestAction) => request.allowedActions.includes(action);
  return (
    <section className="fq-card fq-cs-moves" aria-label={t('community.request.next')}>
      {can('rate') && (
        <div className="fq-field">
          <span className="fq-legend">{t('community.request.rateTitle')}</span>
          <Rate value={rating} onChange={setRating} />
          <TextArea
            className="fq-gap-top"
            placeholder={t('community.request.comment')}
            value={comment}
            onChange={setComment}
            rows={2}
          />
          <Button
            block
            color="primary"
            className="fq-gap-top"
            disabled={rating === 0}
            loading={busy === 'rate'}
            onClick={() => act('rate', { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
          >
            {t('community.requestAction.rate')}
          </Button>
        </div>
      )}
      {can('start') && (
        <Button block color="primary" loading={busy === 'start'} onClick={() => act('start', {})}>
          {t('community.requestAction.start')}
        </Button>
      )}
      {can('complete') && (
        <Button block color="success" loading={busy === 'complete'} onClick={() => act('complete', {})}>
          {t('community.requestAction.complete')}
        </Button>
      )}
      {can('unmatch') && (
        <Button block fill="outline" onClick={() => withReason('unmatch')}>
          {t('community.requestAction.unmatch')}
        </Button>
      )}
      {can('cancel') && (
        <Button block fill="outline" color="danger" onClick={() => withReason('cancel')}>
          {t('community.requestAction.cancel')}
        </Button>
      )}
    </section>
  );
}
