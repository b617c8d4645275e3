-- The embedded database has no tsvector: search there ranks LIKE matches in Java
-- (see search.SimpleTextSearch). An index on title keeps its candidate scan cheap.
CREATE INDEX article_title_idx ON article (title);
