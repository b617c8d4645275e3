-- A submission that looks automated (the gateway's honeypot, timing and rate checks, a
-- disposable email domain, the same answers and contact again) keeps its answers, result and
-- consent, but its contact details wait here instead of becoming a lead. Staff release it (the
-- lead is made then, once) or discard it (the contact details go); after 30 days it is
-- discarded by the retention job. A decided row keeps no contact details, only what happened.
create table quarantine (
	submission_id uuid primary key references submission (id),
	reasons varchar(200) not null,
	name varchar(200),
	email varchar(254),
	company varchar(200),
	phone varchar(40),
	job_role varchar(120),
	source varchar(200),
	created_at timestamp with time zone not null,
	released_at timestamp with time zone,
	discarded_at timestamp with time zone,
	decided_by varchar(200)
);
create index quarantine_by_created on quarantine (created_at);

-- A digest of a submission's answers and contact details (no readable personal data), to
-- notice the same submission sent again; cleared with the submission's personal data.
alter table submission add column contact_fingerprint varchar(64);
create index submission_by_fingerprint on submission (contact_fingerprint, created_at);
