-- The articles picked from a submission's answers for its result page (no personal data).
CREATE TABLE reading_pick (
    submission_id   UUID          PRIMARY KEY,
    slugs           VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
