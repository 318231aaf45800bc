-- 015 -> 016: nothing calls collection_timestamp any more.
DROP FUNCTION IF EXISTS collection_timestamp(VARCHAR, VARCHAR);

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '16');
