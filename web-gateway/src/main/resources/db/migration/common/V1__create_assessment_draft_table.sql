-- A prospect's assessment in progress, so answers survive a reload or a return in the same
-- browser session on any gateway replica. Deleted once submitted and after a day at most.
CREATE TABLE assessment_draft (
    id              UUID         PRIMARY KEY,
    submission_id   UUID         NOT NULL UNIQUE,
    step            INTEGER      NOT NULL DEFAULT 0,
    data            TEXT         NOT NULL,
    attribution     TEXT,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE
);

CREATE INDEX assessment_draft_updated_at ON assessment_draft (updated_at);
