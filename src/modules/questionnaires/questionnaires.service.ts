/**
 * Questionnaires: drawn up by the staff of an area as version 1, published to its residents,
 * revised as version 2, 3 ... (a draft beside the version being answered, published in its
 * place); each answer stays tied to the version it answered, once per resident or household and
 * version. Results are counted per version.
 */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import { recordEvent } from '../../platform/db/events.ts';
import type { DB } from '../../platform/db/schema.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import { type Actor, can, scopePathsFor } from '../access/access.policy.ts';
import { homeOf } from '../residents/resident-home.ts';
import { checkAnswers, checkQuestions, compareVersions, type Question } from './questionnaire-rules.ts';
import type { createBody, draftBody, listQuery, respondBody } from './questionnaires.schemas.ts';

type Db = Kysely<DB>;

export interface QuestionnaireDeps {
  db: Db;
  now?: () => Date;
}
const nowOf = (deps: QuestionnaireDeps) => (deps.now ? deps.now() : new Date());

const canManageAt = (actor: Actor, path: string) => can(actor, 'questionnaires.manage', path);
const canReadAt = (actor: Actor, path: string) => can(actor, 'questionnaires.read', path) || canManageAt(actor, path);

function checked(questions: Question[]) {
  const result = checkQuestions(questions);
  if (!result.ok) throw badRequest(result.error.code, result.error.message, result.error.field);
  return result.value;
}

async function event(trx: Db, row: { id: string; street_id: string }, type: string, actorUserId: string, data: object, at: Date) {
  await recordEvent(trx, {
    streetId: row.street_id,
    entityType: 'questionnaire',
    entityId: row.id,
    type,
    actorUserId,
    data: { ...data },
    at,
  });
}

export async function createQuestionnaire(deps: QuestionnaireDeps, actor: Actor, body: z.infer<typeof createBody>) {
  const { db } = deps;
  const node = await db
    .selectFrom('area_nodes')
    .select(['id', 'path', 'level', 'street_id'])
    .where('id', '=', body.nodeId)
    .executeTakeFirst();
  if (!node || !['street', 'community', 'grid', 'building'].includes(node.level))
    throw badRequest('NODE_NOT_FOUND', 'Choose the street, a community, a grid or a building.', 'nodeId');
  if (!canManageAt(actor, node.path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (questionnaires.manage).');
  const questions = checked(body.questions);
  const streetId = node.level === 'street' ? node.id : (node.street_id as string);
  const now = nowOf(deps);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('questionnaires')
      .values({
        street_id: streetId,
        node_id: node.id,
        path: node.path,
        answer_per: body.answerPer,
        state: body.publish ? 'published' : 'draft',
        current_version: body.publish ? 1 : null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'street_id'])
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('questionnaire_versions')
      .values({
        street_id: streetId,
        questionnaire_id: row.id,
        version: 1,
        title: body.title,
        intro: body.intro,
        questions: JSON.stringify(questions),
        change_note: body.changeNote ?? null,
        state: body.publish ? 'published' : 'draft',
        published_at: body.publish ? now : null,
        published_by: body.publish ? actor.userId : null,
        created_by: actor.userId,
      })
      .execute();
    await event(trx, row, body.publish ? 'questionnaire.published' : 'questionnaire.created', actor.userId, { version: 1 }, now);
    return row.id;
  });
  return getQuestionnaire(deps, actor, id);
}

async function loadRow(db: Db, id: string, lock?: 'update' | 'share') {
  let q = db.selectFrom('questionnaires').selectAll().where('id', '=', id);
  if (lock === 'update') q = q.forUpdate();
  if (lock === 'share') q = q.forShare();
  return q.executeTakeFirst();
}
type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>;

/** Staff of the area read it; its residents read it once published. */
async function visible(db: Db, actor: Actor, id: string, lock?: 'update' | 'share') {
  const row = await loadRow(db, id, lock);
  if (!row) throw notFound('Questionnaire');
  if (canReadAt(actor, row.path)) return row;
  const home = await homeOf(db, actor.userId);
  if (row.state === 'draft' || !home?.path?.startsWith(row.path)) throw notFound('Questionnaire');
  return row;
}

async function managed(db: Db, actor: Actor, id: string) {
  const row = await visible(db, actor, id, 'update');
  if (!canManageAt(actor, row.path)) throw forbidden('FORBIDDEN', 'Your roles do not allow this (questionnaires.manage).');
  return row;
}

async function versionsOf(db: Db, id: string) {
  return db
    .selectFrom('questionnaire_versions as v')
    .selectAll('v')
    .select(sql<number>`(select count(*) from questionnaire_responses r where r.version_id = v.id)`.as('responses'))
    .where('v.questionnaire_id', '=', id)
    .orderBy('v.version')
    .execute();
}
type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

function presentVersions(versions: VersionRow[]) {
  return versions.map((v, i) => {
    const before = versions
      .slice(0, i)
      .reverse()
      .find((p) => p.state !== 'draft');
    return {
      id: v.id,
      version: v.version,
      title: v.title,
      state: v.state,
      changeNote: v.change_note,
      publishedAt: v.published_at,
      responses: Number(v.responses),
      changes: before ? compareVersions(before.questions, v.questions) : null,
      intro: v.intro,
      questions: v.questions,
    };
  });
}

const respondentKey = (row: Row, home: { householdId: string | null } | undefined, userId: string) =>
  row.answer_per === 'household' ? (home?.householdId ?? null) : userId;

export async function getQuestionnaire(deps: QuestionnaireDeps, actor: Actor, id: string) {
  const { db } = deps;
  const row = await visible(db, actor, id);
  const [versions, node, home] = await Promise.all([
    versionsOf(db, id),
    db.selectFrom('area_nodes').select('name').where('id', '=', row.node_id).executeTakeFirstOrThrow(),
    homeOf(db, actor.userId),
  ]);
  const presented = presentVersions(versions);
  const current = presented.find((v) => v.state === 'published') ?? null;
  const canManage = canManageAt(actor, row.path);
  const key = respondentKey(row, home, actor.userId);
  const mine =
    current && key
      ? await db
          .selectFrom('questionnaire_responses')
          .select('answers')
          .where('version_id', '=', current.id)
          .where('respondent_key', '=', key)
          .executeTakeFirst()
      : undefined;
  return {
    id: row.id,
    title: current?.title ?? presented.at(-1)?.title ?? '',
    nodeId: row.node_id,
    nodeName: node.name,
    answerPer: row.answer_per,
    state: row.state,
    currentVersion: row.current_version,
    versions: presented.length,
    responses: presented.reduce((n, v) => n + v.responses, 0),
    answeredCurrent: Boolean(mine),
    updatedAt: row.updated_at,
    current,
    draft: canManage ? (presented.find((v) => v.state === 'draft') ?? null) : null,
    history: presented.filter((v) => v.state !== 'draft').map(({ intro: _intro, questions: _questions, ...v }) => v),
    canManage,
    myAnswers: mine?.answers ?? null,
  };
}

export async function listQuestionnaires(deps: QuestionnaireDeps, actor: Actor, query: z.infer<typeof listQuery>) {
  const { db } = deps;
  const home = await homeOf(db, actor.userId);
  let q = db
    .selectFrom('questionnaires as q')
    .innerJoin('area_nodes as n', 'n.id', 'q.node_id')
    .selectAll('q')
    .select(['n.name as node_name'])
    .select((eb) => [
      sql<string>`(select v.title from questionnaire_versions v where v.questionnaire_id = q.id order by (v.state = 'published') desc, v.version desc limit 1)`.as(
        'title',
      ),
      sql<number>`(select count(*) from questionnaire_versions v where v.questionnaire_id = q.id and v.state <> 'draft')`.as(
        'versions',
      ),
      sql<number>`(select count(*) from questionnaire_responses r where r.questionnaire_id = q.id)`.as('responses'),
      sql<boolean>`exists (select 1 from questionnaire_responses r where r.questionnaire_id = q.id and r.version = q.current_version
        and r.respondent_key = case q.answer_per when 'household' then ${home?.householdId ?? null}::uuid else ${actor.userId}::uuid end)`.as(
        'answered',
      ),
      eb.ref('q.updated_at').as('touched'),
    ]);
  if (query.scope === 'managed') {
    const scopes = [
      ...new Set([...scopePathsFor(actor, 'questionnaires.read'), ...scopePathsFor(actor, 'questionnaires.manage')]),
    ];
    if (scopes.length === 0) return { items: [] };
    q = q.where((eb) => eb.or(scopes.map((scope) => eb('q.path', 'like', `${scope}%`))));
  } else {
    if (!home?.path) return { items: [] };
    q = q.where('q.state', '=', 'published').where(sql<boolean>`${home.path}::text like q.path || '%'`);
  }
  const rows = await q.orderBy('q.updated_at', 'desc').limit(200).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      nodeName: r.node_name,
      answerPer: r.answer_per,
      state: r.state,
      currentVersion: r.current_version,
      versions: Number(r.versions),
      responses: Number(r.responses),
      answeredCurrent: Boolean(r.answered),
      updatedAt: r.updated_at,
    })),
  };
}

/** Writes the draft: the first version before it is published, or the next version (a revision) beside the one being answered. */
export async function saveDraft(deps: QuestionnaireDeps, actor: Actor, id: string, body: z.infer<typeof draftBody>) {
  const questions = checked(body.questions);
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await managed(trx, actor, id);
    if (row.state === 'closed') throw conflict('QUESTIONNAIRE_CLOSED', 'The questionnaire is closed.');
    const draft = await trx
      .selectFrom('questionnaire_versions')
      .select(['id', 'version'])
      .where('questionnaire_id', '=', id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    const values = {
      title: body.title,
      intro: body.intro,
      questions: JSON.stringify(questions),
      change_note: body.changeNote ?? null,
    };
    let version = draft?.version;
    if (draft) {
      await trx.updateTable('questionnaire_versions').set(values).where('id', '=', draft.id).execute();
    } else {
      const last = await trx
        .selectFrom('questionnaire_versions')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('questionnaire_id', '=', id)
        .executeTakeFirstOrThrow();
      version = Number(last.v ?? 0) + 1;
      await trx
        .insertInto('questionnaire_versions')
        .values({ ...values, street_id: row.street_id, questionnaire_id: id, version, state: 'draft', created_by: actor.userId })
        .execute();
    }
    await trx.updateTable('questionnaires').set({ updated_at: now }).where('id', '=', id).execute();
    await event(trx, row, draft ? 'questionnaire.draft_saved' : 'questionnaire.revised', actor.userId, { version }, now);
  });
  return getQuestionnaire(deps, actor, id);
}

/** The draft becomes the version residents answer; the one before stays with its answers. */
export async function publish(deps: QuestionnaireDeps, actor: Actor, id: string) {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await managed(trx, actor, id);
    if (row.state === 'closed') throw conflict('QUESTIONNAIRE_CLOSED', 'The questionnaire is closed.');
    const draft = await trx
      .selectFrom('questionnaire_versions')
      .select(['id', 'version'])
      .where('questionnaire_id', '=', id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    if (!draft) throw conflict('QUESTIONNAIRE_NO_DRAFT', 'There is no new version to publish.');
    await trx
      .updateTable('questionnaire_versions')
      .set({ state: 'superseded' })
      .where('questionnaire_id', '=', id)
      .where('state', '=', 'published')
      .execute();
    await trx
      .updateTable('questionnaire_versions')
      .set({ state: 'published', published_at: now, published_by: actor.userId })
      .where('id', '=', draft.id)
      .execute();
    await trx
      .updateTable('questionnaires')
      .set({ state: 'published', current_version: draft.version, updated_at: now })
      .where('id', '=', id)
      .execute();
    await event(trx, row, 'questionnaire.published', actor.userId, { version: draft.version, before: row.current_version }, now);
  });
  return getQuestionnaire(deps, actor, id);
}

export async function close(deps: QuestionnaireDeps, actor: Actor, id: string) {
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const row = await managed(trx, actor, id);
    if (row.state !== 'published') throw conflict('QUESTIONNAIRE_NOT_PUBLISHED', `The questionnaire is ${row.state}.`);
    await trx
      .updateTable('questionnaires')
      .set({ state: 'closed', closed_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await event(trx, row, 'questionnaire.closed', actor.userId, { version: row.current_version }, now);
  });
  return getQuestionnaire(deps, actor, id);
}

/** An answer to the version being answered, once per resident (or household) and version. */
export async function respond(deps: QuestionnaireDeps, actor: Actor, id: string, body: z.infer<typeof respondBody>) {
  const { db } = deps;
  const home = await homeOf(db, actor.userId);
  const now = nowOf(deps);
  await db.transaction().execute(async (trx) => {
    const row = await visible(trx, actor, id, 'share');
    if (row.state !== 'published') throw conflict('QUESTIONNAIRE_NOT_OPEN', 'The questionnaire is not open for answers.');
    if (!home?.path?.startsWith(row.path))
      throw forbidden('QUESTIONNAIRE_NOT_YOUR_AREA', 'This questionnaire is for the residents of its area.');
    const version = await trx
      .selectFrom('questionnaire_versions')
      .selectAll()
      .where('id', '=', body.versionId)
      .executeTakeFirst();
    if (!version || version.questionnaire_id !== id)
      throw badRequest('VERSION_NOT_FOUND', 'Answer a version of this questionnaire.', 'versionId');
    if (version.state !== 'published')
      throw conflict(
        'QUESTIONNAIRE_VERSION_SUPERSEDED',
        `Version ${version.version} has been replaced: answer version ${row.current_version}.`,
        'versionId',
      );
    const key = respondentKey(row, home, actor.userId);
    if (!key)
      throw forbidden(
        'QUESTIONNAIRE_NO_HOUSEHOLD',
        'This questionnaire is answered per household; your household is not on record.',
      );
    const answers = checkAnswers(version.questions, body.answers);
    if (!answers.ok) throw badRequest(answers.error.code, answers.error.message, answers.error.field);
    const inserted = await trx
      .insertInto('questionnaire_responses')
      .values({
        street_id: row.street_id,
        questionnaire_id: id,
        version_id: version.id,
        version: version.version,
        user_id: actor.userId,
        household_id: home.householdId,
        respondent_key: key,
        answers: JSON.stringify(answers.value),
        submitted_at: now,
      })
      .onConflict((oc) => oc.columns(['version_id', 'respondent_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted)
      throw conflict(
        'QUESTIONNAIRE_ALREADY_ANSWERED',
        row.answer_per === 'household'
          ? 'Your household has answered this version already.'
          : 'You have answered this version already.',
      );
    await event(trx, row, 'questionnaire.answered', actor.userId, { version: version.version, responseId: inserted.id }, now);
  });
  return getQuestionnaire(deps, actor, id);
}

/** For results and the export: staff of the area only. */
export async function readableForResults(db: Db, actor: Actor, id: string) {
  const row = await loadRow(db, id);
  if (!row || !canReadAt(actor, row.path)) throw notFound('Questionnaire');
  return { row, versions: presentVersions(await versionsOf(db, id)).filter((v) => v.state !== 'draft') };
}
