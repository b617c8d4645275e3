-- A visitor may ask for an email with a link to finish the assessment later. Their draft is then
-- kept until the link expires (keep_until), even unchanged; resume_emails counts the links sent
-- for it, which are capped.
alter table assessment_draft add column keep_until timestamp with time zone;
alter table assessment_draft add column resume_emails integer default 0 not null;
