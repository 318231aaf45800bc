-- 005 -> 006: record bodies are stored as jsonb.
ALTER TABLE records ALTER COLUMN data DROP DEFAULT;
ALTER TABLE records ALTER COLUMN data TYPE JSONB USING data::JSONB;
ALTER TABLE records ALTER COLUMN data SET DEFAULT '{}'::JSONB;

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '6');
