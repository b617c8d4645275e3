-- The forwarder's query reads only undelivered rows: a partial index stays small.
CREATE INDEX outbound_request_due ON outbound_request (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
