-- A draft that retakes an earlier result: the signed reference it sends with its submission,
-- the result it started from and, when staff took it with the prospect, who. Goes with its draft.
CREATE TABLE assessment_retake (
    draft_id                UUID          PRIMARY KEY REFERENCES assessment_draft (id) ON DELETE CASCADE,
    reference               VARCHAR(4000) NOT NULL,
    previous_submission_id  UUID          NOT NULL,
    assisted_by             VARCHAR(200)
);
