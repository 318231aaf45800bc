-- 013 -> 014: records are stamped only when their data changes; tombstones
-- only when written.
\ir ../functions/triggers-014.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '14');
