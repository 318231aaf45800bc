-- 016 -> 017: the previous timestamp comes from the data itself.
\ir ../functions/bump_timestamp-017.sql

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '17');
