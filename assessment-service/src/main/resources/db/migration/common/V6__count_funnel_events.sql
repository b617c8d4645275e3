-- The gateway counts funnel events in memory and sends one row per type, article and step with
-- how many times it happened, instead of one row per event. Rows from before stand for one event
-- each. (Named occurrences rather than count, which SQL reserves for the aggregate.) A constant
-- default adds the column without rewriting the table on PostgreSQL.
alter table funnel_event add column occurrences integer default 1 not null;
