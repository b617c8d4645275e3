-- Posts to the wizard and the JSON API per client and fixed window, shared by every replica.
-- The client is a SHA-256 digest of its address, never the address itself; windows older than
-- two periods are deleted.
CREATE TABLE post_rate_window (
    client_key VARCHAR(64) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    posts INTEGER NOT NULL,
    PRIMARY KEY (client_key, window_start)
);
CREATE INDEX post_rate_window_start ON post_rate_window (window_start);
