-- Full-text search: title weighs most (A), then summary (B), then body (C).
ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(body_text, '')), 'C')
) STORED;

CREATE INDEX article_search_vector_idx ON article USING GIN (search_vector);
