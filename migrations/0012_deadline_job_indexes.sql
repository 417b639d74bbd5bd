-- The deadline jobs claim the cases that have just fallen due, oldest first, each through an index
-- of the open cases not yet marked. The indexes they replace held every case never warned or never
-- overdue, closed ones too (nine in ten of a city's ten million), so that at city scale a tick
-- walked every open case in id order instead of reading the few that fell due.
drop index cases_warn;
drop index cases_due;
drop index cases_response_due;
create index cases_warn_pending on cases (warn_at)
  where warned_at is null and state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned');
create index cases_due_pending on cases (due_at)
  where overdue_at is null and state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned');
create index cases_response_due_pending on cases (response_due_at)
  where first_contact_at is null and response_overdue_at is null
    and state in ('reported', 'accepted', 'assigned', 'in_progress', 'escalated', 'returned', 'suspended');
create index cases_rating_pending on cases (resolved_at) where state = 'resolved' and rating_reminded_at is null;
