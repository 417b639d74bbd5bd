/**
 * Fund lines: money spent on an estate's matters, with its source, what it paid for, the day and
 * the receipts as photos. They are published on the estate's public page as they are entered, so
 * a line is never edited: a mistake is corrected by a line of its own (a refund is a new line).
 */
import type { z } from 'zod';
import { badRequest, forbidden } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { attachPhotos, listPhotos } from '../photos/photos.service.ts';
import { canKeepFunds, canRead } from './deliberation.policy.ts';
import { type DelibDeps, estateOf, nowOf, recordDelibEvent } from './deliberation.shared.ts';
import type { FUND_SOURCES, fundLineBody, listFundsQuery } from './funds.schemas.ts';

export async function addFundLine(deps: DelibDeps, actor: Actor, body: z.infer<typeof fundLineBody>) {
  const { db } = deps;
  const topic = body.topicId
    ? await db
        .selectFrom('delib_topics')
        .select(['id', 'estate_id', 'street_id', 'number'])
        .where('id', '=', body.topicId)
        .executeTakeFirst()
    : undefined;
  if (body.topicId && !topic) throw badRequest('TOPIC_NOT_FOUND', 'Choose a topic.', 'topicId');
  const estateId = topic?.estate_id ?? body.estateId;
  if (!estateId) throw badRequest('ESTATE_NOT_FOUND', 'Choose an estate.', 'estateId');
  const estate = await estateOf(db, estateId);
  if (!canKeepFunds(actor, estate.community_path)) {
    if (canRead(actor, estate.community_path)) throw forbidden('FORBIDDEN', 'Your role does not keep the fund accounts.');
    throw badRequest('ESTATE_NOT_FOUND', 'Choose an estate of your area.', 'estateId');
  }
  const now = nowOf(deps);
  return db.transaction().execute(async (trx) => {
    const line = await trx
      .insertInto('delib_fund_lines')
      .values({
        street_id: estate.street_id,
        estate_id: estate.id,
        location_path: estate.community_path,
        topic_id: topic?.id ?? null,
        source: body.source,
        amount_fen: body.amountFen,
        spent_on: body.spentOn,
        paid_on: body.paidOn,
        created_by: actor.userId,
        created_at: now,
      })
      .returning(['id', 'street_id'])
      .executeTakeFirstOrThrow();
    await attachPhotos(trx, body.receiptPhotoIds, {
      entityType: 'delib_fund_line',
      entityId: line.id,
      streetId: line.street_id,
      uploaderUserId: actor.userId,
    });
    const data = {
      source: body.source,
      amountFen: body.amountFen,
      spentOn: body.spentOn,
      topicId: topic?.id ?? null,
      receipts: body.receiptPhotoIds.length,
    };
    await recordDelibEvent(trx, 'delib_fund_line', line, {
      type: 'delib.fund_line_added',
      actorUserId: actor.userId,
      at: now,
      data,
    });
    if (topic)
      await recordDelibEvent(trx, 'delib_topic', topic, {
        type: 'delib.topic_fund_line',
        actorUserId: actor.userId,
        at: now,
        data: { ...data, fundLineId: line.id },
      });
    return { id: line.id };
  });
}

/** Fund lines with their estate and topic: what the desk list and the public board both read. */
export function fundLinesQuery(db: DelibDeps['db']) {
  return db
    .selectFrom('delib_fund_lines as f')
    .innerJoin('estates as e', 'e.id', 'f.estate_id')
    .leftJoin('delib_topics as t', 't.id', 'f.topic_id')
    .select([
      'f.id',
      'f.estate_id',
      'e.name as estate_name',
      'f.topic_id',
      't.number as topic_number',
      'f.source',
      'f.amount_fen',
      'f.spent_on',
      'f.paid_on',
      'f.location_path',
    ]);
}

/** Fund lines of estates in the caller's scope, newest first, with their receipts. */
export async function listFundLines(deps: DelibDeps, actor: Actor, query: z.infer<typeof listFundsQuery>) {
  const { db } = deps;
  let q = fundLinesQuery(db);
  if (query.estateId) q = q.where('f.estate_id', '=', query.estateId);
  if (query.topicId) q = q.where('f.topic_id', '=', query.topicId);
  const rows = (await q.orderBy('f.paid_on', 'desc').limit(500).execute()).filter((r) => canRead(actor, r.location_path));
  return { items: await withReceipts(deps, rows) };
}

type FundRow = {
  id: string;
  estate_id: string;
  estate_name: string;
  topic_id: string | null;
  topic_number: string | null;
  source: (typeof FUND_SOURCES)[number];
  amount_fen: number;
  spent_on: string;
  paid_on: string;
};

/** Lines as shown, each with its receipts (the photos module answers which photos a line holds). */
export async function withReceipts(deps: Pick<DelibDeps, 'db'>, rows: FundRow[]) {
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      estateId: row.estate_id,
      estateName: row.estate_name,
      topicId: row.topic_id,
      topicNumber: row.topic_number,
      source: row.source,
      amountFen: Number(row.amount_fen),
      spentOn: row.spent_on,
      paidOn: row.paid_on,
      receiptPhotoIds: (await listPhotos(deps.db, 'delib_fund_line', row.id)).map((p) => p.id),
    })),
  );
}
