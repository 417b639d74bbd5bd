import { Button, Dialog, ErrorBlock, Tag, Toast } from 'antd-mobile';
import { type ReactNode, useId } from 'react';
import { Link, useLocation } from 'wouter';
import { errorMessage, useI18n } from '../../shared/i18n.tsx';
import type { Booking } from '../../shared/mediation-types.ts';
import { useMe } from '../../shared/session.ts';
import { PageHeader } from '../PageHeader.tsx';
import { Loading, QueryState } from '../QueryState.tsx';
import { useBookingActions, useMyBookings } from './mediation-queries.ts';
import { slotWords } from './mediation-time.ts';

type Shown = 'booked' | 'cancelled' | 'past';
const shownStatus = (booking: Booking, now: number): Shown =>
  booking.status === 'cancelled' ? 'cancelled' : Date.parse(booking.slotEnd) <= now ? 'past' : 'booked';

/** My consultations: those to come first (soonest first), each cancellable; then cancelled and past ones. */
export default function MyBookingsPage() {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const me = useMe();
  const bookings = useMyBookings(Boolean(me.data));

  let content: ReactNode;
  if (me.isPending) content = <Loading />;
  else if (!me.data) {
    content = (
      <ErrorBlock status="empty" title={t('mediation.my.signInFirst')} description="">
        <Button color="primary" onClick={() => navigate(`~/login?next=${encodeURIComponent('/mediation/mine')}`)}>
          {t('common.signIn')}
        </Button>
      </ErrorBlock>
    );
  } else {
    content = (
      <QueryState query={bookings}>
        {(items) => {
          const now = Date.now();
          const upcoming = items
            .filter((b) => shownStatus(b, now) === 'booked')
            .sort((a, b) => Date.parse(a.slotStart) - Date.parse(b.slotStart));
          const earlier = items.filter((b) => shownStatus(b, now) !== 'booked');
          if (items.length === 0) {
            return (
              <ErrorBlock status="empty" title={t('mediation.my.empty')} description={t('mediation.my.emptyHint')}>
                <Button color="primary" onClick={() => navigate('/')}>
                  {t('mediation.my.browse')}
                </Button>
              </ErrorBlock>
            );
          }
          return (
            <>
              {upcoming.length > 0 && <BookingList title={t('mediation.my.upcoming')} items={upcoming} now={now} />}
              {earlier.length > 0 && <BookingList title={t('mediation.my.earlier')} items={earlier} now={now} />}
              <p className="fq-med-browse">
                <Link href="/">{t('mediation.my.browse')}</Link>
              </p>
            </>
          );
        }}
      </QueryState>
    );
  }
  return (
    <main className="fq-page fq-med">
      <PageHeader title={t('mediation.my.title')} onBack={() => navigate('/')} />
      {content}
    </main>
  );
}

function BookingList({ title, items, now }: { title: string; items: Booking[]; now: number }) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="fq-med-section-title fq-med-list-title">
        {title}
      </h2>
      <ul className="fq-med-bookings">
        {items.map((booking) => (
          <BookingRow key={booking.id} booking={booking} status={shownStatus(booking, now)} />
        ))}
      </ul>
    </section>
  );
}

const TAG_COLOUR: Record<Shown, string> = { booked: 'success', cancelled: 'default', past: 'default' };

function BookingRow({ booking, status }: { booking: Booking; status: Shown }) {
  const { t, locale } = useI18n();
  const { cancel } = useBookingActions();
  const when = slotWords(booking.slotStart, booking.slotEnd, t, locale);

  function confirmCancel() {
    void Dialog.confirm({
      title: t('mediation.my.cancelTitle'),
      content: t('mediation.my.cancelText', { studio: booking.studioName, when }),
      confirmText: t('mediation.my.cancelConfirm'),
      cancelText: t('mediation.my.keep'),
      onConfirm: async () => {
        try {
          await cancel(booking.id);
          Toast.show({ icon: 'success', content: t('mediation.my.cancelled') });
        } catch (error) {
          Toast.show({ icon: 'fail', content: errorMessage(t, error) });
        }
      },
    });
  }

  return (
    <li className={`fq-med-booking fq-med-booking-${status}`} data-testid={`booking-${booking.id}`}>
      <div className="fq-med-booking-head">
        <Link href={`/${booking.studioId}`} className="fq-med-booking-studio">
          {booking.studioName}
        </Link>
        <Tag color={TAG_COLOUR[status]} fill={status === 'booked' ? 'solid' : 'outline'} className="fq-tag">
          {t(`mediation.my.status.${status}`)}
        </Tag>
      </div>
      <p className="fq-med-booking-when">{when}</p>
      <p className="fq-med-booking-topic">{t('mediation.my.topic', { topic: booking.topic })}</p>
      {status === 'booked' && Date.parse(booking.slotStart) > Date.now() && (
        <Button size="small" fill="outline" className="fq-med-cancel" onClick={confirmCancel}>
          {t('mediation.my.cancel')}
        </Button>
      )}
    </li>
  );
}
