-- 016 -> 017: the previous timestamp comes from the data itself; both
-- triggers are created again, as 014 left them.
\ir ../functions/bump_timestamp-017.sql
\ir ../functions/triggers-014.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '17');
