import { type APIRequestContext, type Browser, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALES, type Locale, launch, open, PHONE } from './browser.ts';
import { apiAs, json, phoneShot, screenShot, wordsOf } from './flow.ts';

/**
 * Booking a consultation at a mediation studio on the phone, in both languages: a guest opens the
 * studios from the home page, looks at a studio's free times (a full one shown as full), chooses
 * one, is sent to sign in as the demo resident and brought back to the same studio and time,
 * books it with a topic, finds it under my consultations and cancels it, which frees the place.
 */
const NAMESPACES = { mediation: 'mobile/mediation/locales', mobile: 'mobile/locales' };

interface Studio {
  id: string;
  name: string;
}
interface Slot {
  start: string;
  end: string;
  capacity: number;
  free: number;
}
interface Booking {
  id: string;
  studioId: string;
  slotStart: string;
  status: string;
}

const DAY = 86_400_000;
const TZ = 'Asia/Shanghai';
const localDate = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const hhmm = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
const timeRange = (slot: Slot) => `${hhmm(slot.start)}–${hhmm(slot.end)}`;
const TOPIC: Record<Locale, string> = {
  'zh-CN': '楼上卫生间漏水，物业迟迟不修，想咨询怎么要求赔偿',
  en: 'Water leaks from the flat upstairs and the property company does nothing: can I claim for the damage?',
};

let browser: Browser;
let guestApi: APIRequestContext;
let partner: APIRequestContext;
let studio: Studio;
/** The booking this file made for someone else, taken back at the end. */
let takenByPartner: string | undefined;

const fortnight = () => `from=${localDate(new Date())}&to=${localDate(new Date(Date.now() + 13 * DAY))}`;
const slotsOf = async (studioId: string) =>
  (await json<{ items: Slot[] }>(guestApi.get(`/api/public/mediation/studios/${studioId}/slots?${fortnight()}`))).items;

/**
 * A studio of the demo street with free times in the next fortnight. Until the demo street has
 * studios of its own, the secretary opens one every day with a lawyer, so there is always a free time.
 */
async function studioWithFreeTimes(): Promise<Studio> {
  const secretary = await apiAs('secretary');
  const me = await json<{ streetId: string; roles: { nodeId: string }[] }>(secretary.get('/api/me'));
  const { items } = await json<{ items: Studio[] }>(guestApi.get(`/api/public/mediation/studios?streetId=${me.streetId}`));
  for (const candidate of items) {
    if ((await slotsOf(candidate.id)).filter((slot) => slot.free > 0).length >= 2) {
      await secretary.dispose();
      return candidate;
    }
  }
  const nodeId = me.roles[0]?.nodeId as string;
  const lawyer = await json<{ id: string }>(
    secretary.post('/api/mediation/mediators', {
      data: { nodeId, name: '周明律师', kind: 'lawyer', phone: '13700001234', affiliation: '枫桥律师事务所' },
    }),
  );
  const worker = await json<{ id: string }>(
    secretary.post('/api/mediation/mediators', { data: { nodeId, name: '杨桂英', kind: 'staff' } }),
  );
  const created = await json<Studio>(
    secretary.post('/api/mediation/studios', {
      data: {
        nodeId,
        name: '老杨调解工作室',
        address: '北苑社区党群服务中心二楼 203 室',
        schedule: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
          { weekday, start: '09:00', end: '11:00', slotMinutes: 60, capacity: 1, mediatorId: worker.id },
          {
            weekday,
            start: '14:00',
            end: '17:00',
            slotMinutes: 60,
            capacity: weekday === 4 ? 1 : 2,
            mediatorId: weekday === 4 ? lawyer.id : null,
          },
        ]),
        mediatorIds: [worker.id, lawyer.id],
      },
    }),
  );
  await secretary.dispose();
  return created;
}

beforeAll(async () => {
  browser = await launch();
  guestApi = await request.newContext({ baseURL: inject('baseUrl') });
  studio = await studioWithFreeTimes();
  // Someone else takes a one-place time, so the page has a full one to show.
  partner = await apiAs('partner');
  const single = (await slotsOf(studio.id)).find((slot) => slot.capacity === 1 && slot.free === 1);
  if (single) {
    const made = await partner.post(`/api/mediation/studios/${studio.id}/bookings`, {
      data: { slotStart: single.start, topic: '邻居装修噪音' },
    });
    if (made.ok()) takenByPartner = ((await made.json()) as Booking).id;
  }
});
afterAll(async () => {
  if (takenByPartner) await partner.post(`/api/mediation/bookings/${takenByPartner}/cancel`);
  await partner?.dispose();
  await guestApi?.dispose();
  await browser?.close();
});

describe.each(LOCALES)('booking a consultation in %s', (locale) => {
  const t = wordsOf(locale, NAMESPACES);

  it('a guest finds a studio’s free times, signs in when booking, books with a topic, sees it and cancels it', async () => {
    // The first free time the resident has not booked already (a retried run may have left one).
    const resident = await apiAs('resident');
    const before = (await json<{ items: Booking[] }>(resident.get('/api/mediation/bookings/mine'))).items;
    const mineAlready = new Set(before.filter((b) => b.status === 'booked').map((b) => `${b.studioId} ${b.slotStart}`));
    const slots = await slotsOf(studio.id);
    const slot = slots.find((s) => s.free > 0 && !mineAlready.has(`${studio.id} ${s.start}`)) as Slot;
    expect(slot, 'a free time in the next fortnight').toBeDefined();

    const guest = await open(browser, locale, PHONE);
    const { page } = guest;
    await page.goto('/');
    const entry = page.getByRole('link', { name: new RegExp(t('mobile.mediation.title')) });
    await entry.waitFor();
    await phoneShot(guest, 'mediation-home');

    await entry.click();
    await page.getByRole('heading', { name: studio.name, exact: true }).waitFor();
    await phoneShot(guest, 'mediation-studios');

    await page.getByRole('link', { name: `${t('mediation.seeSlots')}: ${studio.name}` }).click();
    const time = timeRange(slot);
    const slotButton = page.getByRole('button', { name: t('mediation.slots.freeLabel', { time, n: slot.free }) }).first();
    await slotButton.waitFor({ timeout: 60_000 });
    const full = slots.find((s) => s.free === 0);
    if (full) {
      const fullButton = page.getByRole('button', { name: t('mediation.slots.fullLabel', { time: timeRange(full) }) }).first();
      expect(await fullButton.isDisabled()).toBe(true);
    }
    await phoneShot(guest, 'mediation-slots');

    // A guest choosing a time is asked to sign in, and comes back to the same studio and time.
    await slotButton.click();
    const signInToBook = page.getByRole('button', { name: t('mediation.book.signIn'), exact: true });
    await signInToBook.waitFor();
    await page.waitForTimeout(400); // the sheet slides up
    await screenShot(guest, 'mediation-book-guest');
    await signInToBook.click();
    await page.getByText(t('mobile.signInToContinue')).waitFor();
    await page.getByLabel(t('login.username')).fill('resident');
    await page.getByLabel(t('login.password')).fill('fengqiao-demo');
    await phoneShot(guest, 'mediation-login');
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();

    const topic = page.getByLabel(t('mediation.book.topic'));
    await topic.waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe(`/mediation/${studio.id}`);
    // Sending it without a topic says what is missing.
    await page.getByRole('button', { name: t('mediation.book.submit'), exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: t('mediation.book.topicMissing') })
      .waitFor();
    await topic.fill(TOPIC[locale]);
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await page.waitForTimeout(400);
    await screenShot(guest, 'mediation-book-topic');
    await page.getByRole('button', { name: t('mediation.book.submit'), exact: true }).click();

    // My consultations: the new booking among those to come.
    await page.getByRole('heading', { name: t('mediation.my.upcoming') }).waitFor({ timeout: 60_000 });
    const mine = (await json<{ items: Booking[] }>(guest.context.request.get('/api/mediation/bookings/mine'))).items;
    const booked = mine.find((b) => !before.some((old) => old.id === b.id)) as Booking;
    expect(booked).toMatchObject({ studioId: studio.id, slotStart: new Date(slot.start).toISOString(), status: 'booked' });
    const row = page.getByTestId(`booking-${booked.id}`);
    await row.getByText(TOPIC[locale]).waitFor();
    await row.getByText(t('mediation.my.status.booked')).waitFor();
    await page.locator('.adm-toast-main').waitFor({ state: 'hidden' });
    await phoneShot(guest, 'mediation-mine');
    const freeAfterBooking = (await slotsOf(studio.id)).find((s) => s.start === slot.start) as Slot;
    expect(freeAfterBooking.free).toBe(slot.free - 1);

    // Cancelling asks first, then frees the place.
    await row.getByRole('button', { name: t('mediation.my.cancel') }).click();
    const dialog = page.locator('.adm-dialog-body');
    const confirm = dialog.getByRole('button', { name: t('mediation.my.cancelConfirm') });
    await confirm.waitFor();
    await page.waitForTimeout(400);
    await screenShot(guest, 'mediation-cancel');
    await confirm.click();
    await row.getByText(t('mediation.my.status.cancelled')).waitFor();
    await page.getByRole('heading', { name: t('mediation.my.earlier') }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.adm-toast-main').waitFor({ state: 'hidden' });
    await phoneShot(guest, 'mediation-mine-cancelled');
    const after = (await json<{ items: Booking[] }>(resident.get('/api/mediation/bookings/mine'))).items;
    expect(after.find((b) => b.id === booked.id)?.status).toBe('cancelled');
    expect(((await slotsOf(studio.id)).find((s) => s.start === slot.start) as Slot).free).toBe(slot.free);

    await resident.dispose();
    await guest.context.close();
  });
});
