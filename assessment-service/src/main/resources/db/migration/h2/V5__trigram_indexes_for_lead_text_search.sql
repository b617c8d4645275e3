-- H2 has no trigram indexes; the embedded database scans for the free-text filter. This version
-- only keeps the history in step with PostgreSQL.
comment on table lead is 'The sales side of a submission: contact details and the state of the pipeline.';
