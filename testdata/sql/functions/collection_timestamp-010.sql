-- collection_timestamp (v10-v14): the collection's row of timestamps,
-- created on first use.
CREATE OR REPLACE FUNCTION collection_timestamp(uid VARCHAR, resource VARCHAR)
RETURNS TIMESTAMP AS $$
DECLARE
    stamp TIMESTAMP;
BEGIN
    SELECT last_modified INTO stamp
      FROM timestamps
     WHERE parent_id = uid AND collection_id = resource;
    IF stamp IS NULL THEN
        stamp := clock_timestamp();
        INSERT INTO timestamps (parent_id, collection_id, last_modified)
        VALUES (uid, resource, stamp);
    END IF;
    RETURN stamp;
END;
$$ LANGUAGE plpgsql;
