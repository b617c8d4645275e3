-- A start token of the JSON API, once a submission used it: the token's random id, the
-- submission that used it (the same submission sent again may use it again, another may not)
-- and when the token expires, after which the row is deleted. Nothing personal.
CREATE TABLE api_start (
    start_id UUID PRIMARY KEY,
    submission_id UUID NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX api_start_expiry ON api_start (expires_at);
