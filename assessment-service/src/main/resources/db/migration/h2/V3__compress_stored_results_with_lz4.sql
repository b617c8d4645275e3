-- H2 has no per-column compression setting; this version only keeps the history in step with PostgreSQL.
comment on table submission_result is 'Every result computed for a submission; the newest row is the one shown.';
