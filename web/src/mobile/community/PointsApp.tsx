import { Button, Dialog, ErrorBlock, Tabs, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../shared/api.ts';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Goods, PointsAccount, Redemption } from '../../shared/volunteer-types.ts';
import { PageHeader } from '../PageHeader.tsx';
import { QueryState } from '../QueryState.tsx';
import { Figures, hours } from './Figures.tsx';
import './messages.ts';
import { useGoods, useMyRedemptions, usePoints, useRefresh } from './queries.ts';
import { SignInFirst } from './SignInFirst.tsx';

type Tab = 'market' | 'redemptions' | 'ledger';

/** My points under /points: the balance, the supermarket to spend them in, my redemptions and every entry. */
export default function PointsApp() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  return (
    <main className="fq-page fq-cs">
      <PageHeader title={t('community.points.title')} onBack={() => navigate('~/')} />
      <SignInFirst>
        <Points />
      </SignInFirst>
    </main>
  );
}

function Points() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('market');
  const points = usePoints();
  return (
    <QueryState query={points}>
      {(account) => (
        <>
          <section className="fq-card fq-cs-balance" aria-live="polite">
            <p className="fq-cs-meta">{t('community.points.balance')}</p>
            <p className="fq-cs-big">{account.balance}</p>
            <Figures
              items={[
                { label: t('community.points.earned'), value: account.earned },
                { label: t('community.points.spent'), value: account.spent },
                { label: t('community.volunteer.hours'), value: hours(account.volunteerMinutes) },
              ]}
            />
          </section>
          <Tabs activeKey={tab} onChange={(key) => setTab(key as Tab)}>
            <Tabs.Tab key="market" title={t('community.points.market')} />
            <Tabs.Tab key="redemptions" title={t('community.points.redemptions')} />
            <Tabs.Tab key="ledger" title={t('community.points.ledger')} />
          </Tabs>
          {tab === 'market' && <Market balance={account.balance} />}
          {tab === 'redemptions' && <Redemptions />}
          {tab === 'ledger' && <Ledger account={account} />}
        </>
      )}
    </QueryState>
  );
}

function Market({ balance }: { balance: number }) {
  const { t } = useI18n();
  const refresh = useRefresh();
  const goods = useGoods();
  const [busy, setBusy] = useState<string | null>(null);
  async function redeem(item: Goods) {
    const confirmed = await Dialog.confirm({
      content: t('community.points.redeemConfirm', { name: item.name, price: item.price }),
      confirmText: t('common.confirm'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    setBusy(item.id);
    try {
      const done = await api<Redemption>(`/api/points/goods/${item.id}/redeem`, { body: { quantity: 1 } });
      await refresh();
      await Dialog.alert({
        title: t('community.points.redeemed'),
        content: t('community.points.code', { code: done.code, place: done.nodeName }),
        confirmText: t('common.confirm'),
      });
    } catch (error) {
      Toast.show({ content: errorMessage(t, error) });
    } finally {
      setBusy(null);
    }
  }
  return (
    <QueryState query={goods}>
      {(items) =>
        items.length === 0 ? (
          <ErrorBlock status="empty" title={t('community.points.noGoods')} description="" />
        ) : (
          <ul className="fq-cs-goods">
            {items.map((item) => (
              <li key={item.id} className="fq-card">
                <div className="fq-cs-row">
                  <span className="fq-cs-name">{item.name}</span>
                  <Tag color={item.kind === 'service' ? 'primary' : 'default'} fill="outline">
                    {t(`community.goodsKind.${item.kind}`)}
                  </Tag>
                </div>
                {item.description && <p className="fq-cs-meta">{item.description}</p>}
                <div className="fq-cs-row">
                  <span className="fq-cs-price">{t('community.points.price', { n: item.price })}</span>
                  <span className="fq-cs-meta">
                    {t('community.points.stock', { n: item.stock })} · {item.nodeName}
                  </span>
                </div>
                <Button
                  block
                  size="small"
                  color="primary"
                  fill="outline"
                  className="fq-gap-top"
                  disabled={item.stock === 0 || item.price > balance}
                  loading={busy === item.id}
                  onClick={() => redeem(item)}
                  aria-label={`${t('community.points.redeem')}: ${item.name}`}
                >
                  {item.stock === 0
                    ? t('community.points.soldOut')
                    : item.price > balance
                      ? t('community.points.notEnough')
                      : t('community.points.redeem')}
                </Button>
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

function Redemptions() {
  const { t, dateTime } = useI18n();
  return (
    <QueryState query={useMyRedemptions()}>
      {(items) =>
        items.length === 0 ? (
          <ErrorBlock status="empty" title={t('community.points.noRedemptions')} description="" />
        ) : (
          <ul className="fq-cs-list">
            {items.map((r) => (
              <li key={r.id} className="fq-card">
                <div className="fq-cs-row">
                  <span className="fq-cs-name">{r.goodsName}</span>
                  <Tag color={r.status === 'placed' ? 'warning' : r.status === 'collected' ? 'success' : 'default'}>
                    {t(`community.redemptionStatus.${r.status}`)}
                  </Tag>
                </div>
                <p className="fq-cs-meta">
                  {dateTime(r.placedAt)} · {t('community.points.cost', { n: r.points })} · {r.nodeName}
                </p>
                {r.status === 'placed' && <p className="fq-cs-code">{t('community.points.codeShort', { code: r.code })}</p>}
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

function Ledger({ account }: { account: PointsAccount }) {
  const { t, dateTime, date } = useI18n();
  if (account.entries.length === 0) return <ErrorBlock status="empty" title={t('community.points.noEntries')} description="" />;
  return (
    <section className="fq-card">
      <ol className="fq-cs-ledger">
        {account.entries.map((e) => (
          <li key={e.seq}>
            <span className="fq-cs-ledger-what">
              <span className="fq-cs-name">
                {e.kind === 'earn' && e.source ? t(`community.source.${e.source}`) : t(`community.entryKind.${e.kind}`)}
                {e.goodsName ? ` · ${e.goodsName}` : ''}
              </span>
              <span className="fq-cs-meta">
                {dateTime(e.at)}
                {e.reason ? ` · ${e.reason}` : ''}
                {e.expiresOn ? ` · ${t('community.points.expires', { date: date(e.expiresOn) })}` : ''}
              </span>
            </span>
            <span className={e.points > 0 ? 'fq-cs-plus' : 'fq-cs-minus'}>{e.points > 0 ? `+${e.points}` : e.points}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
