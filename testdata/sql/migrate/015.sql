-- 014 -> 015: upserts with ON CONFLICT (PostgreSQL 9.5+); both triggers are
-- created again, as 014 left them (on a database migrated from a wrong base
-- this narrows them).
\ir ../functions/collection_timestamp-015.sql
\ir ../functions/bump_timestamp-015.sql
\ir ../functions/triggers-014.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '15');
