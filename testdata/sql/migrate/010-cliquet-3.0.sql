-- 009 -> 010 as cliquet 3.0.0-3.1.2 shipped it: like 010.sql but without
-- creating the triggers again, so a database migrated with it has none
-- (011 repairs that).
CREATE TABLE IF NOT EXISTS timestamps (
    parent_id TEXT NOT NULL,
    collection_id TEXT NOT NULL,
    last_modified TIMESTAMP NOT NULL,
    PRIMARY KEY (parent_id, collection_id)
);


\ir ../functions/collection_timestamp-010.sql
\ir ../functions/bump_timestamp-010.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '10');
