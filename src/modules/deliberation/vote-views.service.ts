/** Reading votes: the list in the caller's scope (a resident's: their estate's), and one vote with its tally. */
import { sql } from 'kysely';
import { z } from 'zod';
import { decodeCursor, toPage } from '../../platform/http/pagination.ts';
import type { Actor } from '../access/access.policy.ts';
import { canAnywhere } from '../access/access.policy.ts';
import { canManage, DELIB_VOTE, readScopes } from './deliberation.policy.ts';
import { type DelibDeps, homeOf } from './deliberation.shared.ts';
import type { Tally } from './vote-tally.ts';
import type { listVotesQuery } from './votes.schemas.ts';
import { tallyOf, type VoteRow, visibleVote } from './votes.service.ts';

const cursorSchema = z.tuple([z.string(), z.string()]);
const m2 = (m: { households: number; areaCm2: number }) => ({ households: m.households, areaM2: m.areaCm2 / 100 });

export const presentTally = (t: Tally) => ({
  ...t,
  electorate: m2(t.electorate),
  participating: m2(t.participating),
  yes: m2(t.yes),
  no: m2(t.no),
  abstain: m2(t.abstain),
});

async function present(
  deps: DelibDeps,
  actor: Actor,
  vote: VoteRow,
  names: { estate: string; building: string | null; topic: string | null },
) {
  const home = await homeOf(deps.db, actor);
  const mine = home
    ? await deps.db
        .selectFrom('delib_ballots')
        .select('choice')
        .where('vote_id', '=', vote.id)
        .where('household_id', '=', home.householdId)
        .executeTakeFirst()
    : undefined;
  const inElectorate = home !== null && (!vote.building_id || home.householdPath.startsWith(vote.location_path));
  const open = vote.status === 'open' && new Date() >= vote.opens_at && new Date() <= vote.closes_at;
  return {
    id: vote.id,
    number: vote.number,
    topicId: vote.topic_id,
    topicTitle: names.topic,
    estateId: vote.estate_id,
    estateName: names.estate,
    buildingName: names.building,
    title: vote.title,
    weighting: vote.weighting,
    quorum: { num: vote.quorum_num, den: vote.quorum_den },
    pass: { num: vote.pass_num, den: vote.pass_den },
    passBase: vote.pass_base,
    passStrict: vote.pass_strict,
    opensAt: vote.opens_at,
    closesAt: vote.closes_at,
    status: vote.status,
    result: vote.result,
    tally: presentTally(await tallyOf(deps.db, vote)),
    myBallot: mine?.choice ?? null,
    canVote: open && inElectorate && home?.estateId === vote.estate_id && !mine && canAnywhere(actor, DELIB_VOTE),
    canManage: canManage(actor, vote.location_path),
  };
}

function withNames(deps: DelibDeps) {
  return deps.db
    .selectFrom('delib_votes as v')
    .innerJoin('estates as e', 'e.id', 'v.estate_id')
    .leftJoin('area_nodes as b', 'b.id', 'v.building_id')
    .leftJoin('delib_topics as t', 't.id', 'v.topic_id')
    .selectAll('v')
    .select(['e.name as estate_name', 'b.name as building_name', 't.title as topic_title']);
}

export async function getVote(deps: DelibDeps, actor: Actor, id: string) {
  await visibleVote(deps.db, actor, id);
  const row = await withNames(deps).where('v.id', '=', id).executeTakeFirstOrThrow();
  return present(deps, actor, row, { estate: row.estate_name, building: row.building_name, topic: row.topic_title });
}

export async function listVotes(deps: DelibDeps, actor: Actor, query: z.infer<typeof listVotesQuery>) {
  const scopes = readScopes(actor);
  const home = scopes.length === 0 ? await homeOf(deps.db, actor) : null;
  if (scopes.length === 0 && !home?.estateId) return { items: [], nextCursor: null };
  const after = decodeCursor(query.cursor, cursorSchema);
  let q = withNames(deps).where((eb) =>
    scopes.length > 0
      ? eb.or(scopes.map((s) => eb('v.location_path', 'like', `${s}%`)))
      : eb('v.estate_id', '=', home?.estateId as string),
  );
  if (home)
    q = q.where((eb) =>
      eb.or([eb('v.building_id', 'is', null), eb(sql.val(home.householdPath), 'like', sql<string>`v.location_path || '%'`)]),
    );
  if (query.estateId) q = q.where('v.estate_id', '=', query.estateId);
  if (query.status) q = q.where('v.status', '=', query.status);
  if (after) q = q.where(sql<boolean>`(v.opens_at, v.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  const rows = await q
    .orderBy('v.opens_at', 'desc')
    .orderBy('v.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const items = await Promise.all(
    rows
      .slice(0, query.limit)
      .map((r) => present(deps, actor, r, { estate: r.estate_name, building: r.building_name, topic: r.topic_title })),
  );
  const page = toPage(
    rows,
    query.limit,
    (r) => r.id,
    (r) => [r.opens_at.toISOString(), r.id],
  );
  return { items, nextCursor: page.nextCursor };
}
