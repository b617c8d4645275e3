-- The articles and guide sections a prospect read on the site, as the gateway recorded them in
-- the visit's own first-party session: those read before the assessment come with the
-- submission, those read after it are added one by one while that session lasts. Personal data
-- of the lead: exported with it, deleted when it is erased or its quarantined submission is
-- discarded; reading_closed_at then refuses later additions.
create table submission_reading (
	id uuid primary key,
	submission_id uuid not null references submission (id),
	slug varchar(120) not null,
	title varchar(300) not null,
	section varchar(120),
	section_title varchar(300),
	viewed_at timestamp with time zone not null,
	after_submission boolean not null
);
create index submission_reading_by_submission on submission_reading (submission_id, viewed_at);

alter table submission add column reading_closed_at timestamp with time zone;
