-- H2 has no partial indexes; the equivalent of the PostgreSQL one indexes every row.
CREATE INDEX outbound_request_due ON outbound_request (next_attempt_at);
