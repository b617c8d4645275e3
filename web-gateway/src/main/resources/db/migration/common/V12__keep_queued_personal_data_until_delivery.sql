-- A queued request's payload (answers, name, email, phone) is kept only until assessment-service
-- has it: delivery empties it, and rows delivered before this release are emptied now. The
-- forwarder deletes delivered and refused rows after their retention periods.
ALTER TABLE outbound_request ALTER COLUMN payload DROP NOT NULL;
UPDATE outbound_request SET payload = NULL WHERE delivered_at IS NOT NULL;
CREATE INDEX outbound_request_delivered ON outbound_request (delivered_at);
CREATE INDEX outbound_request_failed ON outbound_request (failed_at);

-- Sign-in attempts are pruned once they are older than the throttle's window.
CREATE INDEX sign_in_attempt_at ON sign_in_attempt (attempted_at);
