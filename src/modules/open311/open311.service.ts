import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findLiveKey, type KeyHolder, spendRate } from '../api-keys/api-keys.service.ts';
import type { CaseDeps } from '../cases/case-view.ts';
import * as casesRepo from '../cases/cases.repository.ts';
import { policyFor } from '../cases/deadlines.ts';
import { takeInCase } from '../cases/intake.ts';
import {
  answersText,
  attributesOf,
  checkAnswers,
  type Form,
  field,
  type Lang,
  listArgument,
  MAX_DESCRIPTION,
  MAX_REQUESTS,
  Open311Error,
  open311Error,
  type Question,
  questionOf,
  requestWindow,
  statusFilter,
  statusNotesOf,
  statusOf,
  w3,
} from './georeport.ts';

export interface Jurisdiction {
  id: string;
  code: string;
  name: string;
  path: string;
}

/**
 * Each street is a jurisdiction, named by its code (or id). With one street in the database the
 * argument may be left out, as the spec allows an endpoint serving a single jurisdiction.
 */
export async function jurisdictionOf(db: Kysely<DB>, jurisdictionId: string | undefined): Promise<Jurisdiction> {
  const streets = await db
    .selectFrom('area_nodes')
    .select(['id', 'code', 'name', 'path'])
    .where('level', '=', 'street')
    .where('retired_at', 'is', null)
    .execute();
  if (!jurisdictionId) {
    if (streets.length === 1) return streets[0] as Jurisdiction;
    throw open311Error(400, 'jurisdiction_id was not provided: this endpoint serves several streets.');
  }
  const wanted = jurisdictionId.trim().toLowerCase();
  const street = streets.find((s) => s.code.toLowerCase() === wanted || s.id === wanted);
  if (!street) throw open311Error(404, `jurisdiction_id ${jurisdictionId} was not found.`);
  return street;
}

async function questionsOf(db: Kysely<DB>, categoryId: string, lang: Lang): Promise<Question[]> {
  const rows = await db
    .selectFrom('category_questions')
    .selectAll()
    .where('category_id', '=', categoryId)
    .orderBy('sort')
    .execute();
  return rows.map((row) => questionOf(row, lang));
}

const name = (row: { name_zh: string; name_en: string }, lang: Lang) => (lang === 'en' ? row.name_en : row.name_zh);

/** The services: every category a report can be filed under (the leaves of the taxonomy). */
export async function listServices(db: Kysely<DB>, street: Jurisdiction, lang: Lang) {
  const rows = await db
    .selectFrom('case_categories as c')
    .innerJoin('case_categories as p', 'p.id', 'c.parent_id')
    .select([
      'c.id',
      'c.code',
      'c.name_zh',
      'c.name_en',
      'c.parent_id',
      'p.name_zh as group_zh',
      'p.name_en as group_en',
      (eb) =>
        eb.exists(eb.selectFrom('category_questions as q').whereRef('q.category_id', '=', 'c.id').select('q.id')).as('asks'),
    ])
    .where('c.retired_at', 'is', null)
    .where('p.retired_at', 'is', null)
    .orderBy('p.sort')
    .orderBy('c.sort')
    .execute();
  const policies = await casesRepo.deadlinePolicies(db);
  return rows.map((row) => {
    const days = policyFor(policies, {
      streetId: street.id,
      tier: 'grid',
      categoryId: row.id,
      parentCategoryId: row.parent_id,
    })?.workingDays;
    const group = lang === 'en' ? row.group_en : row.group_zh;
    return {
      service_code: row.code,
      service_name: name(row, lang),
      description:
        lang === 'en'
          ? `${group}: ${row.name_en}. The grid handles it within ${days ?? 5} working days.`
          : `${group}：${row.name_zh}。网格在 ${days ?? 5} 个工作日内办理。`,
      metadata: Boolean(row.asks),
      type: 'realtime',
      keywords: lang === 'en' ? `${row.name_en}, ${row.group_en}` : `${row.name_zh}，${row.group_zh}，${row.name_en}`,
      group,
    };
  });
}

async function serviceByCode(db: Kysely<DB>, code: string) {
  return db
    .selectFrom('case_categories as c')
    .innerJoin('case_categories as p', 'p.id', 'c.parent_id')
    .select(['c.id', 'c.code', 'c.name_zh', 'c.name_en', 'c.parent_id'])
    .where('c.code', '=', code)
    .where('c.retired_at', 'is', null)
    .executeTakeFirst();
}

export async function serviceDefinition(db: Kysely<DB>, code: string, lang: Lang) {
  const service = await serviceByCode(db, code);
  if (!service) throw open311Error(404, `service_code ${code} was not found.`);
  const questions = await questionsOf(db, service.id, lang);
  return {
    service_code: service.code,
    attributes: questions.map((q) => ({
      variable: q.variable,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: q.datatypeDescription,
      order: q.order,
      description: q.description,
      ...(q.choices.length ? { values: q.choices.map((c) => ({ key: c.key, name: c.name })) } : {}),
    })),
  };
}

/** The key presented with a write, live, for this use and this jurisdiction; 403 otherwise, 429 over its rate. */
export async function keyFor(db: Kysely<DB>, presented: string | undefined, use: 'open311' | 'hotline'): Promise<KeyHolder> {
  if (!presented) throw open311Error(403, 'api_key is missing.');
  const key = await findLiveKey(db, presented);
  if (!key?.scopes.includes(use)) throw open311Error(403, 'Invalid api_key received.');
  const wait = await spendRate(db, key);
  if (wait > 0)
    throw new Open311Error(429, [{ code: 429, description: `Too many requests with this api_key: wait ${wait} s.` }], {
      'retry-after': String(wait),
    });
  return key;
}

/** A place named by address_id (a building's id or exact name) or found in address_string. */
async function buildingFor(db: Kysely<DB>, street: Jurisdiction, addressId?: string, addressString?: string) {
  const base = db
    .selectFrom('area_nodes')
    .select(['id', 'name'])
    .where('street_id', '=', street.id)
    .where('level', '=', 'building')
    .where('retired_at', 'is', null);
  if (addressId) {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(addressId);
    return (isUuid ? base.where('id', '=', addressId) : base.where('name', '=', addressId)).executeTakeFirst();
  }
  if (addressString) {
    return base.where(sql<boolean>`position(name in ${addressString}) > 0`).orderBy(sql`length(name)`, 'desc').executeTakeFirst();
  }
  return undefined;
}

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

/** POST requests: a form from an Open311 client becomes an ordinary case of the street. */
export async function createRequest(deps: CaseDeps, form: Form, lang: Lang) {
  const { db } = deps;
  const key = await keyFor(db, field(form, 'api_key'), 'open311');
  const jurisdictionId = field(form, 'jurisdiction_id');
  const street = jurisdictionId
    ? await jurisdictionOf(db, jurisdictionId)
    : await db
        .selectFrom('area_nodes')
        .select(['id', 'code', 'name', 'path'])
        .where('id', '=', key.streetId)
        .executeTakeFirstOrThrow();
  if (street.id !== key.streetId) throw open311Error(403, `This api_key is not valid for jurisdiction ${jurisdictionId}.`);
  const code = field(form, 'service_code');
  if (!code) throw open311Error(400, 'service_code was not provided.');
  const service = await serviceByCode(db, code);
  if (!service) throw open311Error(404, `service_code ${code} was not found.`);

  const errors: { code: number; description: string }[] = [];
  const latText = field(form, 'lat');
  const longText = field(form, 'long');
  const addressString = field(form, 'address_string');
  const addressId = field(form, 'address_id');
  const lat = latText === undefined ? undefined : Number(latText);
  const lon = longText === undefined ? undefined : Number(longText);
  if ((latText === undefined) !== (longText === undefined))
    errors.push({ code: 400, description: 'lat and long must be sent together.' });
  else if (lat !== undefined && (!Number.isFinite(lat) || Math.abs(lat) > 90))
    errors.push({ code: 400, description: 'lat must be a WGS84 latitude.' });
  else if (lon !== undefined && (!Number.isFinite(lon) || Math.abs(lon) > 180))
    errors.push({ code: 400, description: 'long must be a WGS84 longitude.' });
  if (latText === undefined && longText === undefined && !addressString && !addressId)
    errors.push({ code: 400, description: 'A location is required: lat and long, address_string or address_id.' });
  const description = field(form, 'description');
  if (description && description.length > MAX_DESCRIPTION)
    errors.push({ code: 400, description: `description is limited to ${MAX_DESCRIPTION} characters.` });
  const mediaUrl = field(form, 'media_url');
  if (mediaUrl && !(URL.canParse(mediaUrl) && /^https?:/i.test(mediaUrl) && mediaUrl.length <= 1000))
    errors.push({ code: 400, description: 'media_url must be an http or https URL.' });
  const phone = field(form, 'phone');
  if (phone && !PHONE.test(phone)) errors.push({ code: 400, description: 'phone is not a phone number.' });
  const email = field(form, 'email');
  if (email && (email.length > 200 || !/^[^@\s]+@[^@\s]+$/.test(email)))
    errors.push({ code: 400, description: 'email is not an address.' });
  const reporterName = `${field(form, 'last_name') ?? ''}${field(form, 'first_name') ?? ''}`.trim();
  if (reporterName.length > 50)
    errors.push({ code: 400, description: 'first_name and last_name together are limited to 50 characters.' });
  const questions = await questionsOf(db, service.id, lang);
  let kept: Record<string, string | string[]> = {};
  try {
    kept = checkAnswers(questions, attributesOf(form));
  } catch (error) {
    if (!(error instanceof Open311Error)) throw error;
    errors.push(...(error.errors as { code: number; description: string }[]));
  }
  if (errors.length) throw new Open311Error(400, errors);

  const building =
    lat === undefined && (addressId || addressString) ? await buildingFor(db, street, addressId, addressString) : undefined;
  if (lat === undefined && !building)
    throw open311Error(
      addressId ? 404 : 400,
      addressId
        ? `address_id ${addressId} was not found.`
        : 'address_string names no building of this street: send lat and long, or address_id.',
    );
  const answers = answersText(questions, kept);
  const text = [description ?? name(service, lang), answers].filter(Boolean).join('\n');
  try {
    const result = await takeInCase(deps, {
      actor: null,
      system: { source: 'resident', idempotencyScope: `api_key:${key.id}` },
      input: {
        categoryId: service.id,
        description: text.slice(0, 5000),
        priority: 'normal',
        lon,
        lat,
        buildingId: building?.id,
        address: addressString?.slice(0, 200),
        photoIds: [],
        contact: reporterName || phone ? { name: reporterName || undefined, phone: phone?.replace(/[ -]/g, '') } : undefined,
        anonymous: !reporterName && !phone,
      },
      within: async (trx, caseId) => {
        await trx
          .insertInto('external_cases')
          .values({
            case_id: caseId,
            street_id: street.id,
            api_key_id: key.id,
            channel: 'open311',
            attributes: JSON.stringify(kept),
            media_url: mediaUrl ?? null,
            requester: JSON.stringify({
              ...(email ? { email } : {}),
              ...(field(form, 'device_id') ? { deviceId: field(form, 'device_id') } : {}),
              ...(field(form, 'account_id') ? { accountId: field(form, 'account_id') } : {}),
            }),
          })
          .execute();
      },
    });
    const row = await db.selectFrom('cases').select(['due_date']).where('id', '=', result.caseId).executeTakeFirstOrThrow();
    return [
      {
        service_request_id: result.number,
        service_notice: row.due_date
          ? lang === 'en'
            ? `Registered as ${result.number}; the grid handles it by ${row.due_date}.`
            : `已登记为 ${result.number}，网格将在 ${row.due_date} 前办理。`
          : null,
        account_id: field(form, 'account_id') ?? null,
      },
    ];
  } catch (error) {
    // A place outside every grid, a retired building: the intake's own refusals, in the spec's words.
    if (error instanceof AppError && error.status === 400) throw open311Error(400, error.message, error.code);
    throw error;
  }
}

export interface RequestQuery {
  service_request_id?: string | undefined;
  service_code?: string | undefined;
  start_date?: string | undefined;
  end_date?: string | undefined;
  status?: string | undefined;
}

function requestsQuery(db: Kysely<DB>, street: Jurisdiction) {
  return db
    .selectFrom('cases as c')
    .innerJoin('external_cases as x', (join) => join.onRef('x.case_id', '=', 'c.id').on('x.channel', '=', 'open311'))
    .innerJoin('case_categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('area_nodes as g', 'g.id', 'c.grid_id')
    .leftJoin('area_nodes as cm', 'cm.id', 'c.community_id')
    .leftJoin('area_nodes as b', 'b.id', 'c.building_id')
    .leftJoin('organisations as o', 'o.id', 'c.assignee_org_id')
    .leftJoin('cases as m', 'm.id', 'c.merged_into')
    .select([
      'c.number',
      'c.state',
      'c.tier',
      'c.description',
      'c.resolution',
      'c.reject_reason',
      'c.created_at',
      'c.updated_at',
      'c.closed_at',
      'c.due_at',
      'c.address',
      'c.building_id',
      'c.lat',
      'c.lon',
      'cat.code as service_code',
      'cat.name_zh',
      'cat.name_en',
      'g.name as grid_name',
      'cm.name as community_name',
      'b.name as building_name',
      'o.name as org_name',
      'm.number as merged_number',
      'x.media_url',
      'x.token',
    ])
    .where('c.street_id', '=', street.id);
}
type RequestRow = Awaited<ReturnType<ReturnType<typeof requestsQuery>['executeTakeFirstOrThrow']>>;

const TIER_AGENCY: Record<string, Record<Lang, string>> = {
  department: { 'zh-CN': '街道职能部门', en: 'Street department' },
  district: { 'zh-CN': '区级部门', en: 'District' },
};

function presentRequest(row: RequestRow, street: Jurisdiction, lang: Lang, timeZone: string) {
  const status = statusOf(row.state);
  const agency =
    row.org_name ??
    (row.tier === 'grid' ? row.grid_name : row.tier === 'community' ? row.community_name : TIER_AGENCY[row.tier]?.[lang]) ??
    null;
  return {
    service_request_id: row.number,
    status,
    status_notes: statusNotesOf(
      {
        state: row.state,
        resolution: row.resolution,
        rejectReason: row.reject_reason,
        mergedIntoNumber: row.merged_number,
        tier: row.tier,
      },
      lang,
    ),
    service_name: name(row, lang),
    service_code: row.service_code,
    description: row.description,
    agency_responsible: agency ? `${street.name} ${agency}` : street.name,
    service_notice: null,
    requested_datetime: w3(row.created_at, timeZone),
    updated_datetime: w3(status === 'closed' ? (row.closed_at ?? row.updated_at) : row.updated_at, timeZone),
    expected_datetime: row.due_at ? w3(row.due_at, timeZone) : null,
    address: [row.address ?? row.building_name, row.community_name, street.name].filter(Boolean).join(', '),
    address_id: row.building_id,
    zipcode: null,
    lat: row.lat,
    long: row.lon,
    media_url: row.media_url,
  };
}

/** GET requests: the Open311 requests of the street, newest first, within the spec's window and limit. */
export async function listRequests(db: Kysely<DB>, street: Jurisdiction, query: RequestQuery, lang: Lang, timeZone: string) {
  const ids = listArgument(query.service_request_id);
  let select = requestsQuery(db, street);
  if (ids.length) {
    // A list of ids overrides every other argument.
    select = select.where('c.number', 'in', ids);
  } else {
    const window = requestWindow(query.start_date, query.end_date, new Date());
    const codes = listArgument(query.service_code);
    const statuses = statusFilter(query.status);
    select = select.where('c.created_at', '>=', window.from).where('c.created_at', '<=', window.to);
    if (codes.length) select = select.where('cat.code', 'in', codes);
    if (statuses.length === 1) {
      const closed = ['resolved', 'evaluated', 'closed', 'rejected', 'duplicate'] as const;
      select = statuses[0] === 'closed' ? select.where('c.state', 'in', closed) : select.where('c.state', 'not in', closed);
    }
  }
  const rows = await select.orderBy('c.created_at', 'desc').limit(MAX_REQUESTS).execute();
  return rows.map((row) => presentRequest(row, street, lang, timeZone));
}

export async function getRequest(db: Kysely<DB>, street: Jurisdiction, id: string, lang: Lang, timeZone: string) {
  const row = await requestsQuery(db, street).where('c.number', '=', id).executeTakeFirst();
  if (!row) throw open311Error(404, `service_request_id ${id} was not found.`);
  return [presentRequest(row, street, lang, timeZone)];
}

export async function requestOfToken(db: Kysely<DB>, street: Jurisdiction, token: string) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token);
  const row = isUuid
    ? await db
        .selectFrom('external_cases as x')
        .innerJoin('cases as c', 'c.id', 'x.case_id')
        .select(['c.number', 'x.token'])
        .where('x.token', '=', token)
        .where('x.channel', '=', 'open311')
        .where('x.street_id', '=', street.id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw open311Error(404, `token ${token} was not found.`);
  return [{ service_request_id: row.number, token: row.token }];
}
