/**
 * Every route of the app, classified for the authorisation matrix. A route that matches no rule
 * fails the matrix: a new route is not tested until someone says what kind of thing it is.
 *  - public: open without signing in (the public report, Open311, health, the public studios);
 *  - record kind: the path names a record that lies at a place, found in and out of a caller's
 *    scope by `RECORDS` below and checked role by role;
 *  - unlocated: the path names a record with no place of its own (a setting, a team, a key):
 *    checked with an id that does not exist;
 *  - collection: no record in the path (lists, creation, my own things); the answer is scoped
 *    by the service and checked by the module's own tests; here it must refuse anonymous callers.
 */
export type RecordKind =
  | 'case'
  | 'hazard'
  | 'dispute'
  | 'careFile'
  | 'resident'
  | 'area'
  | 'volunteer'
  | 'serviceRequest'
  | 'activity'
  | 'questionnaire'
  | 'pointsAccount'
  | 'partner'
  | 'topic'
  | 'meeting'
  | 'vote';
export type RouteClass = 'public' | 'unlocated' | 'collection' | RecordKind;

const RULES: [RegExp, RouteClass][] = [
  [/^\w+ \/open311\//, 'public'],
  [/^GET \/api\/health$/, 'public'],
  [/^POST \/api\/auth\/(login|logout)$/, 'public'],
  // The categories the public report form offers; a photo behind its upload token; the hotline's own API key.
  [/^GET \/api\/case-categories$/, 'public'],
  [/^GET \/api\/photos\/\{id\}/, 'public'],
  [/^POST \/api\/hotline\/work-orders$/, 'public'],
  // Acts on the caller's own notification only (the update is filtered by the caller): scoped like a collection.
  [/^POST \/api\/notifications\/\{id\}\/read$/, 'collection'],
  [/^\w+ \/api\/public\//, 'public'],
  [/^\w+ \/api\/cases\/\{id\}/, 'case'],
  [/^\w+ \/api\/patrols\/hazards\/\{caseId\}/, 'hazard'],
  [/^\w+ \/api\/mediation\/disputes\/\{id\}/, 'dispute'],
  [/^\w+ \/api\/care\/files\/\{id\}/, 'careFile'],
  [/^\w+ \/api\/residents\/\{id\}/, 'resident'],
  [/^\w+ \/api\/areas\/\{id\}/, 'area'],
  [/^\w+ \/api\/volunteers\/\{id\}/, 'volunteer'],
  [/^\w+ \/api\/services\/requests\/\{id\}/, 'serviceRequest'],
  [/^\w+ \/api\/activities\/\{id\}/, 'activity'],
  [/^\w+ \/api\/questionnaires\/\{id\}/, 'questionnaire'],
  [/^\w+ \/api\/points\/accounts\/\{id\}/, 'pointsAccount'],
  [/^\w+ \/api\/patrols\/partners\/\{id\}/, 'partner'],
  // Deliberation: a topic, a meeting (its sign-in by the screen's code too: a body without the code is refused) and a
  // vote, each with its sub-routes. Searching for similar topics names no topic (`similar` is a word, not an id), and
  // where I live (`/me`), the fund lines and the lists are the caller's own or scoped by the service: collections.
  // The estates' public pages are public by the `/api/public/` rule above.
  [/^GET \/api\/deliberation\/topics\/similar$/, 'collection'],
  [/^\w+ \/api\/deliberation\/topics\/\{id\}/, 'topic'],
  [/^\w+ \/api\/deliberation\/meetings\/\{id\}/, 'meeting'],
  [/^\w+ \/api\/deliberation\/votes\/\{id\}/, 'vote'],
  [/^\w+ \/api\/deliberation\/(me|funds|topics|meetings|votes)$/, 'collection'],
  // Records without a place of their own: settings, teams, studios, keys, goods, the caller's own items.
  [
    /^\w+ \/api\/(users|organisations|estates|photos|calendar\/(years|days)|case-categories|deadline-policies|response-policies|patrols\/(teams|plans|runs)|mediation\/(studios|bookings)|care\/campaigns|volunteers\/teams|points\/(goods|redemptions)|services\/(categories|items)|activities\/sessions|integration\/(webhooks|webhook-deliveries|api-keys)|imports\/register|hotline\/work-orders|privacy\/retention|stats\/reports|property-scores\/(companies|cards))\/\{/,
    'unlocated',
  ],
  [/^\w+ \/api\/[^{}]+$/, 'collection'],
];

export function classify(route: string): RouteClass | undefined {
  return RULES.find(([pattern]) => pattern.test(route))?.[1];
}

/**
 * Where each kind of record lies: a query for a record of that kind whose place starts with a
 * given path. `in` records lie in grid C01G01 (the grid worker's, in the secretary's community),
 * `out` records in community C02 (nobody's scope but the street's).
 */
const OWN = "(select id from users where username in ('partner', 'resident'))";
/** A case no organisation ever held: a department or company that holds one reads it wherever it lies, by another rule. */
const NO_ORG = 'assignee_org_id is null and not exists (select 1 from case_org_access a where a.case_id = cases.id)';

/** Records of the demo accounts themselves are left out: a reporter reads their own case anywhere, by another rule. */
export const RECORDS: Record<RecordKind, { table: string; path: string; where?: string }> = {
  case: {
    table: 'cases',
    path: 'location_path',
    where: `kind <> 'hazard' and ${NO_ORG} and (reporter_user_id is null or reporter_user_id <> all ${OWN})`,
  },
  hazard: {
    table: 'cases',
    path: 'location_path',
    where: `kind = 'hazard' and ${NO_ORG} and (reporter_user_id is null or reporter_user_id <> all ${OWN})`,
  },
  dispute: { table: 'disputes', path: 'location_path' },
  careFile: { table: 'care_files', path: 'location_path' },
  resident: { table: 'residents', path: '(select h.path from area_nodes h where h.id = household_id)' },
  area: { table: 'area_nodes', path: 'path', where: "level = 'grid'" },
  volunteer: {
    table: 'volunteers',
    path: '(select c.path from area_nodes c where c.id = coalesce(grid_id, community_id))',
    where: `user_id <> all ${OWN}`,
  },
  serviceRequest: { table: 'service_requests', path: 'path', where: `requester_user_id <> all ${OWN}` },
  activity: { table: 'activities', path: 'path' },
  questionnaire: { table: 'questionnaires', path: 'path' },
  pointsAccount: { table: 'points_accounts', path: 'path', where: `user_id <> all ${OWN}` },
  partner: {
    table: 'patrol_partners',
    path: '(select c.path from area_nodes c where c.id = community_id)',
    where: `user_id <> all ${OWN}`,
  },
  // A topic lies at its building (under a grid) or, estate-wide, at its community; a meeting always at its
  // community; a vote at the building whose owners vote or at the community for the whole estate.
  topic: { table: 'delib_topics', path: 'location_path' },
  meeting: { table: 'delib_meetings', path: 'location_path' },
  vote: { table: 'delib_votes', path: 'location_path' },
};
