-- Stored result documents are a few kilobytes and compressed on every insert; lz4 costs a fraction
-- of the default pglz's CPU for a similar size. (Keeping them inline and uncompressed measured no
-- cheaper and doubles the WAL written per submission.)
alter table submission_result alter column body set compression lz4;
alter table submission alter column answers set compression lz4;
comment on table submission_result is 'Every result computed for a submission; the newest row is the one shown.';
