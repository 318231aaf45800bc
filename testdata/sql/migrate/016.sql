-- 015 -> 016: nothing calls collection_timestamp any more. Kinto's file has
-- no IF EXISTS: where the function is already gone, this step fails.
DROP FUNCTION collection_timestamp(VARCHAR, VARCHAR);

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '16');
