-- What a visitor reads on the site, kept in the visit's own first-party session (the
-- nb_reading cookie holds the session's random id; nothing else identifies the visitor). Pages
-- read before the assessment go to assessment-service with the submission and are then deleted
-- here; after it, the session names its submission and later pages are forwarded through
-- outbound_request. A session is deleted once it expires: a day after it started, or after the
-- submission if that came later.
CREATE TABLE reading_session (
    id              UUID         PRIMARY KEY,
    submission_id   UUID,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    pages_after     INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX reading_session_expires ON reading_session (expires_at);
CREATE INDEX reading_session_submission ON reading_session (submission_id);

CREATE TABLE reading_page (
    id              UUID          PRIMARY KEY,
    session_id      UUID          NOT NULL REFERENCES reading_session (id) ON DELETE CASCADE,
    slug            VARCHAR(120)  NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    section         VARCHAR(120),
    section_title   VARCHAR(300),
    viewed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reading_page_session ON reading_page (session_id, viewed_at);
