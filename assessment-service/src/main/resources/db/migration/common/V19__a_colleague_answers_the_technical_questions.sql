-- A respondent invites a colleague (usually the IT person) to answer the technical questions of
-- their submission. The link in the invitation email names only the invitation, signed; the
-- colleague's address is kept to send it and cleared when the colleague's data is erased.
create table colleague_invitation (
	id uuid primary key,
	submission_id uuid not null references submission (id),
	email varchar(254),
	created_at timestamp with time zone not null,
	expires_at timestamp with time zone not null
);
create index colleague_invitation_by_submission on colleague_invitation (submission_id, created_at);

-- The colleague's answers to the technical questions, one colleague per submission. The
-- submission's answers become the merged company answers (technical from the colleague, business
-- from the respondent) and its newest result is scored again from them; the respondent's own
-- answers are kept here, so both sides of every disagreement can be shown. Erasing the colleague's
-- personal data clears name and email and keeps the answers.
create table colleague_response (
	submission_id uuid primary key references submission (id),
	invitation_id uuid not null references colleague_invitation (id),
	questionnaire_version integer not null,
	name varchar(200),
	email varchar(254),
	consent_version varchar(40) not null,
	answers text not null,
	respondent_answers text not null,
	created_at timestamp with time zone not null,
	erased_at timestamp with time zone
);

-- An invitation email is an outbox event too, but it is about a submission, which may have no lead
-- yet.
alter table outbox_event alter column lead_id drop not null;
