-- 018 -> 019: byte-wise ordering of record identifiers.
ALTER TABLE records ALTER COLUMN id TYPE TEXT COLLATE "C",
                    ALTER COLUMN parent_id TYPE TEXT COLLATE "C",
                    ALTER COLUMN collection_id TYPE TEXT COLLATE "C";

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '19');
