/**
 * The public page of an estate (公开栏): its topics and the step each has reached (with when, never
 * by whom), the meetings held, resolutions and whether they are done, votes with their counts once
 * closed, and every fund line with its receipts. Built from an allow-list of fields: no proposer,
 * supporter, voter, attendee or staff name, no phone, no household; residents' own words pass
 * through the redaction of typed-in phone and ID numbers. Readable without signing in.
 */
import { sql } from 'kysely';
import { notFound } from '../../platform/http/errors.ts';
import type { DelibDeps } from './deliberation.shared.ts';
import { fundLinesQuery, withReceipts } from './funds.service.ts';
import { redactPersonalData } from './search-text.ts';
import type { Step } from './topic-steps.ts';
import { presentTally } from './vote-views.service.ts';

const DONE_CASE_STATES = ['resolved', 'evaluated', 'closed'];

export async function publicEstates(deps: DelibDeps, streetId?: string) {
  let q = deps.db
    .selectFrom('estates as e')
    .innerJoin('area_nodes as c', 'c.id', 'e.community_id')
    .select([
      'e.id',
      'e.name',
      'c.name as community_name',
      sql<number>`(select count(*) from delib_topics t where t.estate_id = e.id)`.as('topic_count'),
      sql<number>`(select count(*) from delib_topics t where t.estate_id = e.id and t.step not in ('closed', 'merged', 'declined'))`.as(
        'open_count',
      ),
    ]);
  if (streetId) q = q.where('e.street_id', '=', streetId);
  const rows = await q.orderBy('c.code').orderBy('e.name').execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      communityName: r.community_name,
      topicCount: Number(r.topic_count),
      openTopicCount: Number(r.open_count),
    })),
  };
}

/** When each step was reached, from the topic's events. */
function stepsOf(events: { type: string; at: Date; data: unknown }[]) {
  const steps: { step: string; at: Date }[] = [];
  for (const e of events) {
    const to = (e.data as { to?: Step }).to;
    if (e.type === 'delib.topic_proposed') steps.push({ step: 'proposed', at: e.at });
    else if ((e.type === 'delib.topic_step' || e.type === 'delib.topic_on_agenda') && to && steps.at(-1)?.step !== to)
      steps.push({ step: to, at: e.at });
  }
  return steps;
}

export async function publicEstate(deps: DelibDeps, estateId: string) {
  const { db } = deps;
  const estate = await db
    .selectFrom('estates as e')
    .innerJoin('area_nodes as c', 'c.id', 'e.community_id')
    .innerJoin('area_nodes as s', 's.id', 'e.street_id')
    .select(['e.id', 'e.name', 'c.name as community_name', 's.name as street_name'])
    .where('e.id', '=', estateId)
    .executeTakeFirst();
  if (!estate) throw notFound('Estate');
  const [topics, meetings, resolutions, votes, funds] = await Promise.all([
    db
      .selectFrom('delib_topics as t')
      .leftJoin('area_nodes as b', 'b.id', 't.building_id')
      .leftJoin('delib_topics as m', 'm.id', 't.merged_into_id')
      .select([
        't.id',
        't.number',
        't.title',
        't.description',
        'b.name as building_name',
        't.step',
        't.support_count',
        't.rating_count',
        't.rating_sum',
        't.public_reason',
        't.conclusion',
        't.action_party',
        'm.number as merged_number',
        't.created_at',
      ])
      .where('t.estate_id', '=', estateId)
      .orderBy('t.created_at', 'desc')
      .limit(200)
      .execute(),
    db
      .selectFrom('delib_meetings as m')
      .select([
        'm.number',
        'm.kind',
        'm.title',
        'm.starts_at',
        sql<number>`(select count(*) from delib_attendance a where a.meeting_id = m.id)`.as('attendance'),
      ])
      .where('m.estate_id', '=', estateId)
      .where('m.status', '=', 'held')
      .orderBy('m.starts_at', 'desc')
      .limit(100)
      .execute(),
    db
      .selectFrom('delib_resolutions as r')
      .innerJoin('delib_topics as t', 't.id', 'r.topic_id')
      .leftJoin('cases as c', 'c.id', 'r.case_id')
      .select(['r.id', 't.number as topic_number', 'r.text', 'r.owner_party', 'r.due_on', 'c.state as case_state'])
      .where('t.estate_id', '=', estateId)
      .orderBy('r.created_at', 'desc')
      .limit(200)
      .execute(),
    db
      .selectFrom('delib_votes as v')
      .leftJoin('delib_topics as t', 't.id', 'v.topic_id')
      .select(['v.number', 'v.title', 't.number as topic_number', 'v.status', 'v.closes_at', 'v.tally'])
      .where('v.estate_id', '=', estateId)
      .orderBy('v.opens_at', 'desc')
      .limit(100)
      .execute(),
    fundLinesQuery(db).where('f.estate_id', '=', estateId).orderBy('f.paid_on', 'desc').limit(500).execute(),
  ]);
  const events = topics.length
    ? await db
        .selectFrom('events')
        .select(['entity_id', 'type', 'at', 'data'])
        .where('entity_type', '=', 'delib_topic')
        .where(
          'entity_id',
          'in',
          topics.map((t) => t.id),
        )
        .where('type', 'in', ['delib.topic_proposed', 'delib.topic_step', 'delib.topic_on_agenda'])
        .orderBy('id')
        .execute()
    : [];
  const lines = await withReceipts(deps, funds);
  return {
    id: estate.id,
    name: estate.name,
    communityName: estate.community_name,
    streetName: estate.street_name,
    topics: topics.map((t) => ({
      id: t.id,
      number: t.number,
      title: redactPersonalData(t.title),
      description: redactPersonalData(t.description),
      buildingName: t.building_name,
      step: t.step,
      supportCount: t.support_count,
      ratingAverage: t.rating_count > 0 ? Math.round((t.rating_sum / t.rating_count) * 10) / 10 : null,
      ratingCount: t.rating_count,
      publicReason: t.public_reason && redactPersonalData(t.public_reason),
      conclusion: t.conclusion && redactPersonalData(t.conclusion),
      actionParty: t.action_party,
      mergedIntoNumber: t.merged_number,
      proposedAt: t.created_at,
      steps: stepsOf(events.filter((e) => e.entity_id === t.id)),
    })),
    meetings: meetings.map((m) => ({
      number: m.number,
      kind: m.kind,
      title: m.title,
      startsAt: m.starts_at,
      attendance: Number(m.attendance),
    })),
    resolutions: resolutions.map((r) => ({
      id: r.id,
      topicNumber: r.topic_number,
      text: redactPersonalData(r.text),
      ownerParty: r.owner_party,
      dueOn: r.due_on,
      done: r.case_state !== null && DONE_CASE_STATES.includes(r.case_state),
    })),
    votes: votes.map((v) => ({
      number: v.number,
      title: v.title,
      topicNumber: v.topic_number,
      status: v.status,
      closesAt: v.closes_at,
      tally: v.status === 'closed' && v.tally ? presentTally(v.tally) : null,
    })),
    funds: {
      totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0),
      lines: lines.map(({ estateId: _e, estateName: _n, topicId: _t, ...line }) => line),
    },
  };
}
