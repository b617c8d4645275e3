-- Speed to lead. A lead is first contacted by its first pipeline move out of new, or by a note
-- recorded as a call or an email: first_contact_at is when, first_contact_seconds the working
-- time (response_target's hours in force then) it had waited. overdue_notified_at is when the
-- overdue check announced that it had waited past the response target; set once, by whichever
-- replica's conditional update wins.
alter table lead add column first_contact_at timestamp with time zone;
alter table lead add column first_contact_seconds bigint;
alter table lead add column overdue_notified_at timestamp with time zone;

-- Leads worked before this version: contacted at their first status change (or their last change
-- when none is recorded); how long that took in working hours is not known. Leads still waiting
-- are not announced as overdue all at once.
update lead set first_contact_at = coalesce(
	(select min(e.at) from lead_event e where e.lead_id = lead.id and e.kind = 'status'), updated_at)
	where status <> 'new';
update lead set overdue_notified_at = current_timestamp where status = 'new';

-- The response target admins set: working time a new lead may wait for its first contact,
-- counted only inside working hours (the same hours on each working day, in one time zone;
-- day_end 00:00 is the midnight ending the day). Only ever added to, so the table is also the
-- history.
create table response_target (
	version integer primary key,
	target_minutes integer not null,
	time_zone varchar(64) not null,
	working_days varchar(80) not null,
	day_start time not null,
	day_end time not null,
	created_at timestamp with time zone not null,
	created_by varchar(200) not null
);
insert into response_target (version, target_minutes, time_zone, working_days, day_start, day_end, created_at, created_by)
values (1, 60, 'UTC', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY', time '09:00:00', time '17:00:00',
	timestamp with time zone '2026-12-01 00:00:00+00', 'initial-setup');

-- Who the email about an event goes to when not the sales inbox (an overdue lead's owner).
alter table outbox_event add column email_to varchar(254);

-- Partial indexes hold only the leads nobody has contacted yet: the list's overdue filter, in
-- both sorts, and the count of waiting leads; and the few the overdue check has not announced.
create index lead_waiting_by_priority on lead (priority desc, created_at desc, id desc) where first_contact_at is null;
create index lead_waiting_by_newest on lead (created_at desc, id desc) where first_contact_at is null;
create index lead_overdue_unannounced on lead (created_at) where first_contact_at is null and overdue_notified_at is null;
