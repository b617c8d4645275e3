-- The lead list's free-text filter is a case-insensitive substring match over name, company and
-- email; trigram indexes let PostgreSQL answer it without reading every lead. (pg_trgm is a
-- trusted extension: the database owner may create it.)
create extension if not exists pg_trgm;
create index lead_name_trgm on lead using gin (lower(name) gin_trgm_ops);
create index lead_company_trgm on lead using gin (lower(company) gin_trgm_ops);
create index lead_email_trgm on lead using gin (lower(email) gin_trgm_ops);
