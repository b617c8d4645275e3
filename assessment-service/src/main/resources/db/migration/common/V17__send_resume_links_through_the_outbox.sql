-- A prospect may ask for an email with a link to finish the assessment later. It goes through the
-- outbox like the lead notifications, but it is about no lead: its event holds the address and the
-- link (payload) only until the email is sent or given up; then the payload is cleared.
alter table outbox_event alter column lead_id drop not null;
alter table outbox_event add column payload varchar(4000);
