-- One row per piece of shipped content that was ever inserted, so that a restart or an upgrade
-- inserts only what was never seeded and never overwrites an editor's changes.
CREATE TABLE content_seed (
    seed_key     VARCHAR(200) PRIMARY KEY,
    content_hash VARCHAR(64)  NOT NULL,
    seeded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
