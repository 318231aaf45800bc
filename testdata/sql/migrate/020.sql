-- 019 -> 020: the same ordering for timestamps.
ALTER TABLE timestamps ALTER COLUMN parent_id TYPE TEXT COLLATE "C",
                       ALTER COLUMN collection_id TYPE TEXT COLLATE "C";

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '20');
