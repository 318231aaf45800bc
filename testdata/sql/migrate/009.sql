-- 008 -> 009: from_epoch; a caller-supplied last_modified is kept.
\ir ../functions/from_epoch.sql
\ir ../functions/bump_timestamp-009.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '9');
