import { Button } from 'antd-mobile';
import { type FormEvent, useId, useState } from 'react';
import { Link, Redirect, Route, Switch, useLocation, useParams } from 'wouter';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { ServiceRequest } from '../../shared/volunteer-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import './messages.ts';
import { useMenu, useMyRequests } from './queries.ts';
import { RequestList } from './RequestList.tsx';
import { RequestPage } from './RequestPage.tsx';
import { SignInFirst } from './SignInFirst.tsx';

/** The service menu under /services: 12 categories of help, asking for one, following what I asked. */
export default function ServicesApp() {
  return (
    <Switch>
      <Route path="/" component={Menu} />
      <Route path="/new/:itemId" component={NewRequest} />
      <Route path="/mine" component={Mine} />
      <Route path="/requests/:id" component={RequestPage} />
      <Route>
        <Redirect to="/" />
      </Route>
    </Switch>
  );
}

function Menu() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader
        title={t('community.services.title')}
        onBack={() => navigate('~/')}
        right={
          <button type="button" className="fq-bar-link" onClick={() => navigate('/mine')}>
            {t('community.services.mine')}
          </button>
        }
      />
      <p className="fq-cs-intro">{t('community.services.intro')}</p>
      <SignInFirst>
        <MenuList />
      </SignInFirst>
    </main>
  );
}

function MenuList() {
  const { pick } = useI18n();
  return (
    <QueryState query={useMenu()}>
      {(categories) => (
        <div className="fq-cs-menu">
          {categories.map((category) => (
            <section key={category.id} className="fq-card" aria-labelledby={`cat-${category.id}`}>
              <h2 id={`cat-${category.id}`} className="fq-card-title">
                {pick(category)}
              </h2>
              <ul className="fq-cs-items">
                {category.items.map((item) => (
                  <li key={item.id}>
                    <Link href={`/new/${item.id}`} className="fq-cs-item">
                      <span className="fq-cs-name">{pick(item)}</span>
                      <span className="fq-cs-meta">{pick({ nameZh: item.descriptionZh, nameEn: item.descriptionEn })}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </QueryState>
  );
}

function NewRequest() {
  const { t, pick } = useI18n();
  const { itemId } = useParams<{ itemId: string }>();
  const [, navigate] = useLocation();
  const menu = useMenu();
  const item = menu.data?.flatMap((c) => c.items).find((i) => i.id === itemId);
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={item ? pick(item) : t('community.services.title')} onBack={() => navigate('/')} />
      <SignInFirst>
        {item && (
          <p className="fq-cs-intro">
            {pick({ nameZh: item.descriptionZh, nameEn: item.descriptionEn })}{' '}
            {t('community.request.usually', { days: item.workingDays })}
          </p>
        )}
        <RequestForm itemId={itemId} onDone={(request) => navigate(`/requests/${request.id}`)} />
      </SignInFirst>
    </main>
  );
}

function RequestForm({ itemId, onDone }: { itemId: string; onDone: (request: ServiceRequest) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [description, setDescription] = useState('');
  const [preferredTime, setPreferredTime] = useState('');
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!description.trim()) return setError(t('community.request.descriptionMissing'));
    setBusy(true);
    try {
      const request = await api<ServiceRequest>('/api/services/requests', {
        body: {
          itemId,
          description: description.trim(),
          ...(preferredTime.trim() ? { preferredTime: preferredTime.trim() } : {}),
          ...(address.trim() ? { address: address.trim() } : {}),
        },
      });
      onDone(request);
    } catch (failure) {
      setError(errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="fq-card fq-cs-form" onSubmit={submit} noValidate>
      <div className="fq-field">
        <label htmlFor={`${id}-d`} className="fq-legend">
          {t('community.request.description')}
        </label>
        <textarea
          id={`${id}-d`}
          className="fq-textarea"
          rows={4}
          maxLength={1000}
          value={description}
          aria-invalid={Boolean(error)}
          onChange={(event) => setDescription(event.target.value)}
        />
      </div>
      <div className="fq-field">
        <label htmlFor={`${id}-t`} className="fq-legend">
          {t('community.request.preferredTime')} <span className="fq-optional">{t('community.optional')}</span>
        </label>
        <input
          id={`${id}-t`}
          className="fq-input"
          maxLength={100}
          value={preferredTime}
          onChange={(e) => setPreferredTime(e.target.value)}
        />
      </div>
      <div className="fq-field">
        <label htmlFor={`${id}-a`} className="fq-legend">
          {t('community.request.address')} <span className="fq-optional">{t('community.optional')}</span>
        </label>
        <input id={`${id}-a`} className="fq-input" maxLength={200} value={address} onChange={(e) => setAddress(e.target.value)} />
      </div>
      {error && (
        <p className="fq-field-error" role="alert">
          {error}
        </p>
      )}
      <Button block color="primary" size="large" type="submit" loading={busy}>
        {t('community.request.submit')}
      </Button>
    </form>
  );
}

function Mine() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.services.mine')} onBack={() => navigate('/')} />
      <SignInFirst>
        <MyRequests />
      </SignInFirst>
    </main>
  );
}

function MyRequests() {
  const { t } = useI18n();
  return (
    <QueryState query={useMyRequests('requester')}>
      {(items) => <RequestList items={items} empty={t('community.services.none')} />}
    </QueryState>
  );
}
