-- A retake: answers given again from an earlier result (by the prospect, or by staff with the
-- prospect on a call). retake_of is the result it started from, so the two can be compared;
-- contact_from is the submission whose contact details and consent it shares (the first of
-- its lead), so a retake needs neither again.
alter table submission add column retake_of uuid references submission (id);
alter table submission add column contact_from uuid references submission (id);

-- Every assessment of a lead, the first and each retake; the lead's own submission_id is the
-- newest. assisted_by names the staff member who took a retake with the prospect.
create table lead_assessment (
	submission_id uuid primary key references submission (id),
	lead_id uuid not null references lead (id),
	taken_at timestamp with time zone not null,
	assisted_by varchar(200)
);
create index lead_assessment_by_lead on lead_assessment (lead_id, taken_at);
insert into lead_assessment (submission_id, lead_id, taken_at) select submission_id, id, created_at from lead;
