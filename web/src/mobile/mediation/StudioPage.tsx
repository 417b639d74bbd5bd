import { Button, ErrorBlock, Popup } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useLocation, useParams, useSearch } from 'wouter';
import { useI18n } from '../../shared/i18n.tsx';
import type { Slot, Studio } from '../../shared/mediation-types.ts';
import { useMe } from '../../shared/session.ts';
import { PageHeader } from '../PageHeader.tsx';
import { Loading, QueryState } from '../QueryState.tsx';
import { BookingSheet } from './BookingSheet.tsx';
import { useSlots, useStudios } from './mediation-queries.ts';
import { byLocalDay, dayWords, localDateOf, NO_BREAK_DASH, timeRange } from './mediation-time.ts';
import { StudioFacts } from './StudioFacts.tsx';

/**
 * One studio: its notice board and the next two weeks of slots by day, full ones shown as full.
 * Choosing a slot asks for a short topic and books it; a guest is sent to sign in and brought
 * back here with the slot still chosen (?slot=).
 */
export default function StudioPage() {
  const { t } = useI18n();
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  const me = useMe();
  const studios = useStudios();
  const title = studios.data?.find((s) => s.id === id)?.name ?? t('mediation.title');
  return (
    <main className="fq-page fq-med">
      <PageHeader
        title={title}
        onBack={() => navigate('/')}
        right={
          me.data ? (
            <button type="button" className="fq-bar-link" onClick={() => navigate('/mine')}>
              {t('mediation.mine')}
            </button>
          ) : undefined
        }
      />
      <QueryState query={studios}>
        {(items) => {
          const studio = items.find((s) => s.id === id);
          if (!studio) {
            return (
              <ErrorBlock status="empty" title={t('mediation.notFound')} description="">
                <Button onClick={() => navigate('/')}>{t('mediation.my.browse')}</Button>
              </ErrorBlock>
            );
          }
          return <StudioSlots studio={studio} />;
        }}
      </QueryState>
    </main>
  );
}

function StudioSlots({ studio }: { studio: Studio }) {
  const { t, locale } = useI18n();
  const [, navigate] = useLocation();
  const search = useSearch();
  const me = useMe();
  const slots = useSlots(studio.id);
  const [chosen, setChosen] = useState<Slot | null>(null);

  // Back from signing in with a slot chosen: offer it again if it is still free.
  const wanted = new URLSearchParams(search).get('slot');
  useEffect(() => {
    if (!wanted || !slots.data || me.isPending) return;
    const slot = slots.data.find((s) => s.start === wanted && s.free > 0);
    if (slot && me.data) setChosen(slot);
    navigate(`/${studio.id}`, { replace: true });
  }, [wanted, slots.data, me.isPending, me.data, navigate, studio.id]);

  const minutes = new Set(studio.schedule.map((hours) => hours.slotMinutes));
  const today = localDateOf(new Date());
  const tomorrow = localDateOf(new Date(Date.now() + 86_400_000));
  const dayTitle = (date: string) => {
    const words = dayWords(date, t, locale);
    if (date === today) return `${t('mediation.slots.today')} · ${words}`;
    if (date === tomorrow) return `${t('mediation.slots.tomorrow')} · ${words}`;
    return words;
  };

  return (
    <>
      <section className="fq-med-card" aria-label={studio.name}>
        <p className="fq-med-node">{studio.nodeName}</p>
        <StudioFacts studio={studio} />
      </section>
      <section className="fq-med-days" aria-labelledby="fq-med-slots-title">
        <h2 id="fq-med-slots-title" className="fq-med-section-title">
          {t('mediation.slots.title')}
        </h2>
        <p className="fq-med-hint">
          {minutes.size === 1
            ? t('mediation.slots.hint', { minutes: [...minutes][0] as number })
            : t('mediation.slots.hintPlain')}
        </p>
        {slots.isPending || me.isPending ? (
          <Loading />
        ) : (
          <QueryState query={slots}>
            {(items) =>
              items.length === 0 ? (
                <ErrorBlock status="empty" title={t('mediation.slots.none')} description={t('mediation.slots.noneHint')} />
              ) : (
                byLocalDay(items).map((day) => (
                  <section key={day.date} className="fq-med-day" aria-labelledby={`fq-med-day-${day.date}`}>
                    <h3 id={`fq-med-day-${day.date}`} className="fq-med-day-title">
                      {dayTitle(day.date)}
                    </h3>
                    <ul className="fq-med-slots">
                      {day.slots.map((slot) => (
                        <li key={slot.start}>
                          <SlotButton slot={slot} onChoose={() => setChosen(slot)} />
                        </li>
                      ))}
                    </ul>
                  </section>
                ))
              )
            }
          </QueryState>
        )}
      </section>
      <Popup
        visible={chosen !== null}
        onMaskClick={() => setChosen(null)}
        onClose={() => setChosen(null)}
        bodyClassName="fq-med-sheet"
        destroyOnClose
      >
        {chosen && (
          <BookingSheet
            studio={studio}
            slot={chosen}
            signedIn={Boolean(me.data)}
            onCancel={() => setChosen(null)}
            onBooked={() => {
              setChosen(null);
              navigate('/mine');
            }}
          />
        )}
      </Popup>
    </>
  );
}

function SlotButton({ slot, onChoose }: { slot: Slot; onChoose: () => void }) {
  const { t } = useI18n();
  const time = timeRange(slot.start, slot.end);
  // Read aloud without the joiners that keep the time on one line.
  const spoken = time.replaceAll(NO_BREAK_DASH, '–');
  const full = slot.free === 0;
  return (
    <button
      type="button"
      className={`fq-med-slot${full ? ' fq-med-slot-full' : ''}`}
      disabled={full}
      aria-label={
        full ? t('mediation.slots.fullLabel', { time: spoken }) : t('mediation.slots.freeLabel', { time: spoken, n: slot.free })
      }
      onClick={onChoose}
    >
      <span className="fq-med-slot-time">{time}</span>
      <span className="fq-med-slot-free">{full ? t('mediation.slots.full') : t('mediation.slots.free', { n: slot.free })}</span>
      {slot.mediatorName && <span className="fq-med-slot-who">{slot.mediatorName}</span>}
    </button>
  );
}
