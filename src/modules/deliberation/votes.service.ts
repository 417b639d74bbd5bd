/**
 * Owner votes: staff open a vote of an estate's (or one building's) owners with its rule, which
 * freezes the electorate (households and their floor area). A resident casts their household's
 * ballot online; staff enter paper ballots household by household. The (vote, household) key lets
 * exactly one ballot in per household whichever channel comes first; the tally counts from the
 * rows with the pure rules of vote-tally.ts. Closing stores the result and its tally.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../access/access.policy.ts';
import { canAnywhere } from '../access/access.policy.ts';
import { canManage, canRead, DELIB_VOTE, livesIn } from './deliberation.policy.ts';
import {
  buildingOf,
  type Db,
  type DelibDeps,
  estateOf,
  homeOf,
  nextNumber,
  nowOf,
  recordDelibEvent,
  yearIn,
} from './deliberation.shared.ts';
import { areaCm2, type Tally, tallyVote, type VoteRule } from './vote-tally.ts';
import type { ballotBody, paperBallotBody, voteBody } from './votes.schemas.ts';

/** Households of the owners concerned: a building's, or those of every building of the estate. */
function electorateQuery(
  db: Db,
  vote: { estate_id: string; building_id: string | null; location_path?: string },
  buildingPath: string | null,
) {
  let q = db
    .selectFrom('area_nodes as hh')
    .innerJoin('area_nodes as b', (join) => join.on(sql<boolean>`b.level = 'building' and hh.path like b.path || '%'`))
    .where('hh.level', '=', 'household')
    .where('hh.retired_at', 'is', null)
    .where('b.estate_id', '=', vote.estate_id);
  if (buildingPath) q = q.where('hh.path', 'like', `${buildingPath}%`);
  return q;
}

export async function openVote(deps: DelibDeps, actor: Actor, body: z.infer<typeof voteBody>) {
  const { db } = deps;
  const topic = body.topicId
    ? await db.selectFrom('delib_topics').selectAll().where('id', '=', body.topicId).executeTakeFirst()
    : undefined;
  if (body.topicId && !topic) throw badRequest('TOPIC_NOT_FOUND', 'Choose a topic.', 'topicId');
  const estate = await estateOf(db, topic?.estate_id ?? body.estateId ?? '00000000-0000-0000-0000-000000000000');
  const buildingId = body.buildingId ?? topic?.building_id ?? null;
  const building = buildingId ? await buildingOf(db, estate.id, buildingId) : null;
  const path = building?.path ?? estate.community_path;
  if (!canManage(actor, path)) {
    if (canRead(actor, path)) throw forbidden('FORBIDDEN', 'Your role does not open votes here.');
    throw badRequest('ESTATE_NOT_FOUND', 'Choose an estate of your area.', 'estateId');
  }
  const now = nowOf(deps);
  const opensAt = body.opensAt ? new Date(body.opensAt) : now;
  const closesAt = new Date(body.closesAt);
  if (closesAt <= opensAt) throw badRequest('VOTE_CLOSES_BEFORE_OPENING', 'A vote closes after it opens.', 'closesAt');
  const electorate = await electorateQuery(
    db,
    { estate_id: estate.id, building_id: building?.id ?? null },
    building?.path ?? null,
  )
    .select((eb) => [eb.fn.countAll<number>().as('households'), eb.fn.sum<number>('hh.floor_area_m2').as('area')])
    .executeTakeFirstOrThrow();
  if (Number(electorate.households) === 0)
    throw badRequest('VOTE_NO_ELECTORATE', 'No household owns a home there.', 'buildingId');
  return db.transaction().execute(async (trx) => {
    const number = await nextNumber(trx, estate.street_id, 'vote', yearIn(opensAt, deps.timeZone));
    const vote = await trx
      .insertInto('delib_votes')
      .values({
        street_id: estate.street_id,
        number,
        topic_id: topic?.id ?? null,
        estate_id: estate.id,
        building_id: building?.id ?? null,
        location_path: path,
        title: body.title,
        weighting: body.weighting,
        quorum_num: body.quorum.num,
        quorum_den: body.quorum.den,
        pass_num: body.pass.num,
        pass_den: body.pass.den,
        pass_base: body.passBase,
        pass_strict: body.passStrict,
        electorate_households: Number(electorate.households),
        electorate_area_cm2: areaCm2(Number(electorate.area ?? 0)),
        opens_at: opensAt,
        closes_at: closesAt,
        tally: null,
        result: null,
        created_by: actor.userId,
        created_at: now,
      })
      .returning(['id', 'street_id', 'number'])
      .executeTakeFirstOrThrow();
    await recordDelibEvent(trx, 'delib_vote', vote, {
      type: 'delib.vote_opened',
      actorUserId: actor.userId,
      at: now,
      data: { topicId: topic?.id ?? null },
    });
    if (topic)
      await recordDelibEvent(trx, 'delib_topic', topic, {
        type: 'delib.topic_vote_opened',
        actorUserId: actor.userId,
        at: now,
        data: { voteId: vote.id, number, title: body.title },
      });
    return { id: vote.id, number: vote.number };
  });
}

export type VoteRow = NonNullable<Awaited<ReturnType<typeof voteRow>>>;
const voteRow = (db: Db, id: string) => db.selectFrom('delib_votes').selectAll().where('id', '=', id).executeTakeFirst();

export const ruleOf = (v: VoteRow): VoteRule => ({
  weighting: v.weighting,
  quorum: { num: v.quorum_num, den: v.quorum_den },
  pass: { num: v.pass_num, den: v.pass_den },
  passBase: v.pass_base,
  passStrict: v.pass_strict,
});

export async function tallyOf(db: Db, vote: VoteRow): Promise<Tally> {
  if (vote.status === 'closed' && vote.tally) return vote.tally;
  const ballots = await db
    .selectFrom('delib_ballots')
    .select(['household_id', 'choice', 'channel', 'area_cm2', 'cast_at'])
    .where('vote_id', '=', vote.id)
    .execute();
  return tallyVote(
    ruleOf(vote),
    { households: vote.electorate_households, areaCm2: Number(vote.electorate_area_cm2) },
    ballots.map((b) => ({
      householdId: b.household_id,
      choice: b.choice,
      channel: b.channel,
      areaCm2: Number(b.area_cm2),
      castAt: b.cast_at,
    })),
  );
}

/** A vote the caller may see: staff in scope, or an owner of the estate (a building's vote: of that building). */
export async function visibleVote(db: Db, actor: Actor, id: string) {
  const vote = await voteRow(db, id);
  if (!vote) throw notFound('Vote');
  if (canRead(actor, vote.location_path)) return { vote, home: null };
  const home = await homeOf(db, actor);
  if (livesIn(home, vote.estate_id, vote.building_id ? vote.location_path : null)) return { vote, home };
  throw notFound('Vote');
}

async function insertBallot(
  deps: DelibDeps,
  vote: VoteRow,
  ballot: { householdId: string; choice: 'yes' | 'no' | 'abstain'; channel: 'online' | 'paper'; castBy: string },
) {
  const now = nowOf(deps);
  if (vote.status !== 'open' || now < vote.opens_at || now > vote.closes_at)
    throw conflict('VOTE_NOT_OPEN', 'The vote is not open.', 'status');
  const household = await electorateQuery(deps.db, vote, vote.building_id ? vote.location_path : null)
    .select(['hh.id', 'hh.floor_area_m2'])
    .where('hh.id', '=', ballot.householdId)
    .executeTakeFirst();
  if (!household) throw badRequest('VOTE_NOT_IN_ELECTORATE', 'The household is not among the owners voting.', 'householdId');
  await deps.db.transaction().execute(async (trx) => {
    const cast = await trx
      .insertInto('delib_ballots')
      .values({
        vote_id: vote.id,
        household_id: household.id,
        choice: ballot.choice,
        channel: ballot.channel,
        area_cm2: areaCm2(household.floor_area_m2),
        cast_by_user_id: ballot.castBy,
        cast_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('channel')
      .executeTakeFirst();
    if (!cast) {
      const earlier = await trx
        .selectFrom('delib_ballots')
        .select('channel')
        .where('vote_id', '=', vote.id)
        .where('household_id', '=', household.id)
        .executeTakeFirst();
      throw conflict('VOTE_ALREADY_CAST', `This household has already voted (${earlier?.channel ?? 'online'}).`, 'householdId');
    }
    // The choice is secret from the timeline: it says a ballot came, not what it said.
    await recordDelibEvent(trx, 'delib_vote', vote, {
      type: 'delib.ballot_cast',
      actorUserId: ballot.castBy,
      at: now,
      data: { channel: ballot.channel },
    });
  });
}

export async function castBallot(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof ballotBody>) {
  const { vote, home } = await visibleVote(deps.db, actor, id);
  const owner = home ?? (await homeOf(deps.db, actor));
  if (!owner || !canAnywhere(actor, DELIB_VOTE)) throw forbidden('VOTE_OWNERS_ONLY', 'Owners vote for their own household.');
  await insertBallot(deps, vote, {
    householdId: owner.householdId,
    choice: body.choice,
    channel: 'online',
    castBy: actor.userId,
  });
}

export async function enterPaperBallot(deps: DelibDeps, actor: Actor, id: string, body: z.infer<typeof paperBallotBody>) {
  const { vote } = await visibleVote(deps.db, actor, id);
  if (!canManage(actor, vote.location_path)) throw forbidden('FORBIDDEN', 'Your role does not enter paper ballots.');
  await insertBallot(deps, vote, { householdId: body.householdId, choice: body.choice, channel: 'paper', castBy: actor.userId });
}

export async function closeVote(deps: DelibDeps, actor: Actor, id: string) {
  const { vote } = await visibleVote(deps.db, actor, id);
  if (!canManage(actor, vote.location_path)) throw forbidden('FORBIDDEN', 'Your role does not close votes.');
  const now = nowOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('delib_votes').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'open') throw conflict('VOTE_CLOSED', 'The vote is already closed.', 'status');
    const tally = await tallyOf(trx, locked);
    await trx
      .updateTable('delib_votes')
      .set({ status: 'closed', result: tally.result, tally: JSON.stringify(tally), closed_at: now })
      .where('id', '=', id)
      .execute();
    const data = {
      result: tally.result,
      turnout: tally.turnout,
      participating: tally.participating.households,
      electorate: tally.electorate.households,
    };
    await recordDelibEvent(trx, 'delib_vote', locked, { type: 'delib.vote_closed', actorUserId: actor.userId, at: now, data });
    if (locked.topic_id) {
      await recordDelibEvent(
        trx,
        'delib_topic',
        { id: locked.topic_id, street_id: locked.street_id },
        {
          type: 'delib.topic_vote_closed',
          actorUserId: actor.userId,
          at: now,
          data: { voteId: id, number: locked.number, ...data },
        },
      );
    }
  });
}

/** The households voting, each with the channel its ballot came by (never its choice): the paper-ballot desk's list. */
export async function electorateOf(deps: DelibDeps, actor: Actor, id: string) {
  const { vote } = await visibleVote(deps.db, actor, id);
  if (!canManage(actor, vote.location_path)) throw forbidden('FORBIDDEN', 'Your role does not enter paper ballots.');
  const rows = await electorateQuery(deps.db, vote, vote.building_id ? vote.location_path : null)
    .innerJoin('area_nodes as u', 'u.id', 'hh.parent_id')
    .leftJoin('delib_ballots as bl', (join) => join.onRef('bl.household_id', '=', 'hh.id').on('bl.vote_id', '=', vote.id))
    .select(['hh.id', 'b.name as building_name', 'u.name as unit_name', 'hh.name', 'hh.floor_area_m2', 'bl.channel'])
    .orderBy('b.code')
    .orderBy('u.code')
    .orderBy('hh.code')
    .execute();
  return {
    items: rows.map((r) => ({
      householdId: r.id,
      label: `${r.building_name} ${r.unit_name} ${r.name}`,
      areaM2: Number(r.floor_area_m2 ?? 0),
      votedBy: r.channel,
    })),
  };
}
