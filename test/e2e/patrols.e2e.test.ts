import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, LOCALES, type Locale, launch, open, PHONE, type Session, signIn } from './browser.ts';
import { apiAs, json, loose, phoneShot, screenShot, still, type Words, wordsOf } from './flow.ts';

/**
 * Patrols end to end, in both languages: a resident applies to be a Ping An Partner from the
 * community's invitation link, the secretary approves them into a team, they walk a plan on a
 * phone with its position, record an e-bike charging hazard with a photo; the secretary orders the
 * property company to rectify it, the company's handler replies with an after-photo, the partner
 * re-inspects and confirms, and the figures page shows the rectification rate moved. A second
 * flow walks a plan without network and finds it on the server exactly once.
 */
const NAMESPACES = {
  patrol: 'mobile/patrol/locales',
  report: 'mobile/report/locales',
  deskPatrols: 'desk/patrols/locales',
  deskCases: 'desk/cases/locales',
};

interface Point {
  id: string;
  name: string;
  lon: number;
  lat: number;
}
interface Plan {
  id: string;
  name: string;
  frequency: string;
  teamName: string | null;
  points: Point[];
  checklist: { code: string; label: string }[];
}
/** A category's name in both languages. */
interface Named {
  nameZh: string;
  nameEn: string;
}
interface Figures {
  totals: { found: number; rectified: number; rate: number | null };
}

let browser: Browser;
let photo: Buffer;
let household: string;
let community: { id: string; name: string };
let dailyPlan: Plan;
let weeklyPlan: Plan;
let company: { id: string; name: string };
let charging: { zh: [string, string]; en: [string, string]; id: string };

beforeAll(async () => {
  browser = await launch();
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 140, g: 90, b: 60 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
  const resident = await apiAs('resident');
  household = (await json<{ roles: { nodeId: string }[] }>(resident.get('/api/me'))).roles[0]?.nodeId as string;
  await resident.dispose();
  const partner = await apiAs('partner');
  const plans = (await json<{ items: Plan[] }>(partner.get('/api/patrols/plans?mine=true'))).items;
  dailyPlan = plans.find((plan) => plan.frequency === 'daily') as Plan;
  weeklyPlan = plans.find((plan) => plan.id !== dailyPlan.id) as Plan;
  await partner.dispose();
  const secretary = await apiAs('secretary');
  const role = (await json<{ roles: { nodeId: string; scopeName: string }[] }>(secretary.get('/api/me'))).roles[0];
  community = { id: role?.nodeId as string, name: role?.scopeName as string };
  const taxonomy = await json<{ items: (Named & { children: (Named & { id: string; code: string })[] })[] }>(
    secretary.get('/api/case-categories'),
  );
  for (const group of taxonomy.items) {
    const child = group.children.find((c) => c.code === 'FIRE_EBIKE_CHARGING');
    if (child) charging = { id: child.id, zh: [group.nameZh, child.nameZh], en: [group.nameEn, child.nameEn] };
  }
  await secretary.dispose();
  const property = await apiAs('property');
  const handler = await json<{ organisationId: string; roles: { scopeName: string }[] }>(property.get('/api/me'));
  company = { id: handler.organisationId, name: handler.roles[0]?.scopeName as string };
  await property.dispose();
});
afterAll(() => browser.close());

async function pickOption(page: Page, within: Locator, label: string, option: string) {
  await within.getByRole('combobox', { name: label }).click();
  await page.keyboard.type(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
}

async function addPhoto(page: Page, button: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name: 'hazard.jpg', mimeType: 'image/jpeg', buffer: photo });
}

/** A phone that shares its position, standing at a point (or some metres north of it). */
async function phoneAt(locale: Locale, username: string, point: Point) {
  const session = await open(browser, locale, PHONE);
  await session.context.grantPermissions(['geolocation']);
  await session.context.setGeolocation({ latitude: point.lat, longitude: point.lon, accuracy: 12 });
  await signIn(session, username);
  return session;
}

const moveTo = (session: Session, point: Point, northMetres = 0) =>
  session.context.setGeolocation({ latitude: point.lat + northMetres / 111_195, longitude: point.lon, accuracy: 12 });

/** Checks in at a point: every checklist item answered, the e-bike one (if any) as a problem. */
async function checkIn(session: Session, t: Words, plan: Plan, point: Point, shotName?: string) {
  const { page } = session;
  await page.getByRole('button', { name: t('patrol.run.checkInAt', { point: point.name }) }).click();
  await page.getByTestId('checkin-distance').waitFor();
  for (const item of plan.checklist) {
    const answer = /电动车|充电/.test(item.label) ? 'problem' : 'ok';
    await page
      .getByRole('group', { name: item.label })
      .getByRole('radio', { name: t(`patrol.answer.${answer}`) })
      .check();
  }
  if (shotName) await phoneShot(session, shotName);
  await page.getByRole('button', { name: t('patrol.checkin.save') }).click();
  await page.locator('.fq-point-done', { hasText: point.name }).waitFor();
}

async function recordCharging(session: Session, t: Words, point: Point, description: string, shotName?: string) {
  const { page } = session;
  const [group, detail] = charging[session.locale === 'en' ? 'en' : 'zh'];
  await page.getByRole('button', { name: t('patrol.run.recordAt', { point: point.name }) }).click();
  await page.getByRole('radio', { name: group, exact: true }).check();
  await page.getByRole('radio', { name: detail, exact: true }).check();
  await page.getByLabel(t('patrol.finding.description')).fill(description);
  await addPhoto(page, t('report.photos.album'));
  await page.getByRole('img', { name: t('report.photos.alt', { n: 1 }) }).waitFor();
  if (shotName) await phoneShot(session, shotName);
  await page.getByRole('button', { name: t('patrol.finding.save') }).click();
  await page.locator('.fq-run-finding', { hasText: description }).waitFor();
}

async function finish(session: Session, t: Words) {
  const { page } = session;
  await page
    .locator('.fq-run-actions')
    .getByRole('button', { name: t('patrol.run.finish') })
    .click();
  await page
    .locator('.adm-dialog')
    .getByRole('button', { name: t('patrol.run.finish') })
    .click();
  await page.getByTestId('run-finished').waitFor();
  // The confirmation fades out before the picture.
  await expect.poll(() => page.locator('.adm-mask:visible, .adm-dialog:visible').count()).toBe(0);
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const figuresQuery = () => `/api/patrols/figures?nodeId=${community.id}&from=${today().slice(0, 4)}-01-01&to=${today()}`;

describe.each(LOCALES)('patrols in %s', (locale) => {
  const t = wordsOf(locale, NAMESPACES);
  const tag = `${locale === 'en' ? 'EN' : 'ZH'}${Date.now() % 100_000}`;

  it('a resident becomes a partner, finds an e-bike charging hazard on a patrol, and its rectification moves the rate', async () => {
    const secretaryApi = await apiAs('secretary');
    const before = await json<Figures>(secretaryApi.get(figuresQuery()));

    // A resident account of this run: each language applies once.
    const username = `walker_${tag.toLowerCase()}`;
    const displayName = locale === 'en' ? `Walker ${tag}` : `巡查员${tag}`;
    const admin = await apiAs('admin');
    const created = await admin.post('/api/users', {
      data: { username, displayName, password: 'fengqiao-demo', roles: [{ role: 'resident', nodeId: household }] },
    });
    expect(created.status(), await created.text()).toBe(201);
    await admin.dispose();

    // The secretary's partners page carries the community's invitation link.
    const desk = await open(browser, locale, DESKTOP);
    await signIn(desk, 'secretary');
    await desk.page.goto('/desk/patrols/partners');
    const invite = desk.page.getByTestId('invite-link');
    await invite.waitFor();
    const link = (((await invite.textContent()) ?? '').match(/https?:\/\/\S+/) ?? [''])[0];
    expect(link).toContain(`community=${community.id}`);

    // The resident opens it on the phone and applies.
    const resident = await open(browser, locale, PHONE);
    await signIn(resident, username);
    await resident.page.goto(new URL(link).pathname + new URL(link).search);
    await resident.page.getByRole('heading', { name: t('patrol.apply.title') }).waitFor();
    expect(await resident.page.getByRole('radio', { name: community.name }).isChecked()).toBe(true);
    await resident.page.getByLabel(t('patrol.apply.estate')).fill('锦绣');
    await resident.page.getByRole('radio', { name: '锦绣苑', exact: true }).check();
    await resident.page.getByRole('checkbox', { name: t('patrol.skill.fire_safety') }).check();
    await resident.page.getByRole('checkbox', { name: t('patrol.availability.night') }).check();
    await resident.page.getByLabel(t('patrol.apply.note')).fill('退休消防员，晚上有空');
    await phoneShot(resident, 'patrol-apply');
    await resident.page.getByRole('button', { name: t('patrol.apply.submit') }).click();
    await resident.page.getByText(t('patrol.status.applied')).waitFor();
    await phoneShot(resident, 'patrol-applied');
    await resident.context.close();

    // The secretary approves the application into the plan's team.
    await desk.page.reload();
    const row = desk.page.locator('.ant-table-row', { hasText: displayName });
    await row.waitFor();
    await still(desk, 'desk-patrol-applications');
    await row.getByRole('button', { name: loose(t('deskPatrols.partners.approve')) }).click();
    const dialog = desk.page.getByRole('dialog');
    await pickOption(desk.page, dialog, t('deskPatrols.partners.team'), dailyPlan.teamName as string);
    await still(desk, 'desk-patrol-approve');
    await dialog.getByRole('button', { name: loose(t('deskPatrols.partners.approve')) }).click();
    await dialog.waitFor({ state: 'hidden' });
    await desk.page.getByText(t('deskPatrols.status.approved'), { exact: true }).click();
    await desk.page.locator('.ant-table-row', { hasText: displayName }).waitFor();
    await still(desk, 'desk-patrol-partners');

    // The new partner walks the daily plan: one check-in at the point, one from far away, one hazard.
    const [first, second] = dailyPlan.points as [Point, Point];
    const partner = await phoneAt(locale, username, first);
    const { page } = partner;
    await page.goto('/patrol');
    const card = page.locator('.fq-plan', { hasText: dailyPlan.name });
    await card.waitFor();
    await phoneShot(partner, 'patrol-home');
    await card.getByRole('button', { name: t('patrol.plans.start') }).click();
    await page.getByRole('button', { name: t('patrol.run.start') }).click();
    await checkIn(partner, t, dailyPlan, first, 'patrol-checkin');
    await moveTo(partner, second, 600);
    await page.getByRole('button', { name: t('patrol.run.checkInAt', { point: second.name }) }).click();
    await page.locator('.fq-distance-far').waitFor();
    await screenShot(partner, 'patrol-checkin-far');
    await page.getByRole('button', { name: t('common.cancel') }).click();
    await checkIn(partner, t, dailyPlan, second);
    await moveTo(partner, first);
    const description = `${tag} 锦绣苑1栋楼道里电动车飞线充电，插线板挂在窗外`;
    await recordCharging(partner, t, first, description, 'patrol-finding');
    await phoneShot(partner, 'patrol-run');
    await finish(partner, t);
    await phoneShot(partner, 'patrol-finished');
    await page.getByTestId('patrol-sync').waitFor({ state: 'detached' });

    const partnerApi = partner.context.request;
    const findings = (
      await json<{ items: { caseId: string; caseNumber: string; title: string }[] }>(partnerApi.get('/api/patrols/findings/mine'))
    ).items;
    expect(findings).toHaveLength(1);
    const hazard = findings[0] as { caseId: string; caseNumber: string; title: string };
    const runs = (
      await json<{ items: { checkinCount: number; farCheckins: number; findingCount: number }[] }>(
        partnerApi.get('/api/patrols/runs?mine=true'),
      )
    ).items;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ checkinCount: 2, farCheckins: 1, findingCount: 1 });

    // The secretary sees the far check-in on the run and orders the property company to rectify the hazard.
    await desk.page.goto('/desk/patrols/runs');
    const runRow = desk.page.locator('.ant-table-row', { hasText: displayName });
    await runRow.click();
    await desk.page.locator('.ant-drawer .ant-tag', { hasText: t('deskPatrols.runs.farFlag') }).waitFor();
    await still(desk, 'desk-patrol-run', true);
    await desk.page.keyboard.press('Escape');
    await desk.page.goto('/desk/hazards');
    await desk.page.locator('.ant-table-row', { hasText: hazard.caseNumber }).click();
    const drawer = desk.page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: loose(t('deskPatrols.order.issue')) }).click();
    await pickOption(desk.page, drawer, t('deskPatrols.order.organisation'), company.name);
    await drawer.getByLabel(t('deskPatrols.order.requirement')).fill('拆除飞线，电动车到集中充电棚充电；楼道张贴提示');
    await still(desk, 'desk-hazard-order', true);
    await drawer.getByRole('button', { name: loose(t('deskPatrols.order.submit')) }).click();
    await drawer.getByText(t('deskPatrols.stage.rectifying'), { exact: true }).waitFor();
    await still(desk, 'desk-hazard-ordered', true);

    // The property company's handler replies on the case with an after-photo.
    const property = await open(browser, locale, DESKTOP);
    await signIn(property, 'property');
    await property.page.goto(`/desk/cases/${hazard.caseId}`);
    await property.page
      .getByRole('toolbar')
      .getByRole('button', { name: loose(t('case.action.resolve')) })
      .click();
    const resolve = property.page.getByRole('dialog');
    await resolve.getByLabel(t('deskCases.form.resolution')).fill('已拆除飞线，劝导车主到充电棚充电，并张贴了提示');
    const uploaded = property.page.waitForResponse((r) => r.url().endsWith('/api/photos') && r.status() === 201);
    await resolve.locator('input[type=file]').setInputFiles({ name: 'after.jpg', mimeType: 'image/jpeg', buffer: photo });
    await uploaded;
    await still(property, 'desk-property-resolve');
    await resolve.getByRole('button', { name: loose(t('case.action.resolve')) }).click();
    await resolve.waitFor({ state: 'hidden' });
    expect((await json<{ state: string }>(secretaryApi.get(`/api/cases/${hazard.caseId}`))).state).toBe('resolved');
    await property.context.close();

    // The partner sees it resolved among their findings, re-inspects it and confirms.
    await page.goto('/patrol/findings');
    const finding = page.getByRole('link', { name: t('patrol.findings.reinspect', { title: hazard.title }) });
    await finding.waitFor();
    await phoneShot(partner, 'patrol-findings');
    await finding.click();
    await page.getByRole('radio', { name: t('patrol.result.rectified'), exact: true }).check();
    await page.getByLabel(t('patrol.reinspect.note')).fill('现场复查：飞线已拆除，楼道无充电');
    await addPhoto(page, t('report.photos.album'));
    await page.getByRole('img', { name: t('report.photos.alt', { n: 1 }) }).waitFor();
    await phoneShot(partner, 'patrol-reinspect');
    await page.getByRole('button', { name: t('patrol.reinspect.submit') }).click();
    await expect.poll(() => page.getByTestId('hazard-stage').textContent()).toBe(t('patrol.stage.rectified'));
    await page.locator('.adm-toast-main').waitFor({ state: 'hidden' });
    await phoneShot(partner, 'patrol-reinspected');
    await partner.context.close();

    // One more hazard found and one more rectified: the rate moved, and the figures page says so.
    const after = await json<Figures>(secretaryApi.get(figuresQuery()));
    expect(after.totals.found).toBe(before.totals.found + 1);
    expect(after.totals.rectified).toBe(before.totals.rectified + 1);
    expect(after.totals.rate).not.toBe(before.totals.rate);
    const rate = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
      after.totals.rate as number,
    );
    await desk.page.goto('/desk/patrol-figures');
    const rateCard = desk.page.locator('.ant-statistic', { hasText: t('deskPatrols.figures.rate') });
    await expect.poll(() => rateCard.locator('.ant-statistic-content').textContent()).toBe(rate);
    await desk.page.locator('canvas').first().waitFor();
    await still(desk, 'desk-patrol-figures');
    await secretaryApi.dispose();
    await desk.context.close();
  });

  it('the desk’s patrol pages: teams, plans and the plan editor, the hazards board, figures by hazard type', async () => {
    const desk = await open(browser, locale, DESKTOP);
    const { page } = desk;
    await signIn(desk, 'secretary');
    await page.goto('/desk/patrols/teams');
    await page.locator('.ant-table-row', { hasText: dailyPlan.teamName as string }).waitFor();
    await still(desk, 'desk-patrol-teams');
    await page.getByRole('tab', { name: t('deskPatrols.tabs.plans') }).click();
    const planRow = page.locator('.ant-table-row', { hasText: dailyPlan.name });
    await planRow.waitFor();
    await still(desk, 'desk-patrol-plans');
    await planRow.getByRole('button', { name: loose(t('deskPatrols.edit')) }).click();
    const editor = page.locator('.ant-drawer');
    await editor.getByRole('button', { name: loose(t('deskPatrols.plans.addPoint')) }).waitFor();
    expect(await editor.getByLabel(t('deskPatrols.plans.pointName')).count()).toBe(dailyPlan.points.length);
    await still(desk, 'desk-patrol-plan-editor', true);
    await page.keyboard.press('Escape');

    const grid = await open(browser, locale, DESKTOP);
    await signIn(grid, 'grid');
    await grid.page.goto('/desk/hazards');
    await grid.page.getByText(t('deskPatrols.stage.rectifying'), { exact: true }).click();
    await grid.page.locator('.ant-table-row').first().waitFor();
    await still(grid, 'desk-hazards-grid');
    await grid.context.close();

    await page.goto('/desk/patrol-figures');
    await page.getByText(t('deskPatrols.figures.by.category'), { exact: true }).click();
    await page
      .locator('.ant-table-row', { hasText: charging[locale === 'en' ? 'en' : 'zh'][1] })
      .first()
      .waitFor();
    await still(desk, 'desk-patrol-figures-category');
    await desk.context.close();
  });

  it('a patrol walked without network waits on the phone, then reaches the server exactly once', async () => {
    const [point] = weeklyPlan.points as [Point];
    const partner = await phoneAt(locale, 'partner', point);
    const { page, context } = partner;
    const server = await apiAs('partner');
    const mine = async () =>
      (await json<{ items: { title: string }[] }>(server.get('/api/patrols/findings/mine'))).items.filter((f) =>
        f.title.includes(tag),
      );
    await page.goto('/patrol');
    await page
      .locator('.fq-plan', { hasText: weeklyPlan.name })
      .getByRole('button', { name: t('patrol.plans.start') })
      .click();
    await page.getByRole('button', { name: t('patrol.run.start') }).waitFor();
    await page.waitForLoadState('networkidle');

    await context.setOffline(true);
    await page.getByRole('button', { name: t('patrol.run.start') }).click();
    await checkIn(partner, t, weeklyPlan, point);
    const description = `${tag} 地下车库电动车充电，离线记录`;
    await recordCharging(partner, t, point, description);
    await finish(partner, t);
    await page
      .getByTestId('patrol-sync')
      .getByText(t('patrol.sync.waiting', { n: 1 }))
      .waitFor();
    await phoneShot(partner, 'patrol-offline');
    expect(await mine()).toHaveLength(0);

    // Back online: the 'online' event sends it; a tap on "sync now" at the same moment must not send it twice.
    await context.setOffline(false);
    await page
      .getByRole('button', { name: t('patrol.sync.now') })
      .click({ timeout: 2000 })
      .catch(() => undefined);
    await page.getByTestId('patrol-sync').waitFor({ state: 'detached' });
    await expect.poll(async () => (await mine()).length).toBe(1);
    await phoneShot(partner, 'patrol-synced');
    await server.dispose();
    await context.close();
  });
});
