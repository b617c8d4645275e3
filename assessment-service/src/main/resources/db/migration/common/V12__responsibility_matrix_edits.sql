-- Sales edits of a lead's responsibility matrix: every edit of a cell is a new version of that cell
-- (1, 2, ...); the proposal it replaced is kept with it, so the original stays visible beside it.
-- The primary key makes two edits based on the same version collide (optimistic locking).
create table responsibility_edit (
    lead_id uuid not null,
    function_code varchar(40) not null,
    version integer not null,
    owner varchar(16) not null,
    note varchar(1000),
    proposed_owner varchar(16) not null,
    rules_version integer not null,
    edited_by varchar(200) not null,
    edited_at timestamp with time zone not null,
    constraint responsibility_edit_pk primary key (lead_id, function_code, version)
);
