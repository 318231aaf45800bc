-- 014 -> 015: upserts with ON CONFLICT (PostgreSQL 9.5+).
\ir ../functions/collection_timestamp-015.sql
\ir ../functions/bump_timestamp-015.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '15');
