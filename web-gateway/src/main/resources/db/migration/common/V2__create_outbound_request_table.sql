-- Submissions and consultation requests the gateway accepted while assessment-service could not
-- take them. A forwarder delivers them later with the same id; rows are kept once delivered so a
-- result URL can tell "on its way" from "unknown", and a refused row stays for staff to see.
CREATE TABLE outbound_request (
    id              UUID         PRIMARY KEY,
    kind            VARCHAR(20)  NOT NULL,
    submission_id   UUID         NOT NULL,
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    failed_at       TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);

CREATE INDEX outbound_request_submission ON outbound_request (submission_id);
