-- 011 -> 012: data only. A tombstone whose record exists again is stale.
DELETE FROM deleted AS d
 USING records AS r
 WHERE d.id = r.id
   AND d.parent_id = r.parent_id
   AND d.collection_id = r.collection_id;

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '12');
