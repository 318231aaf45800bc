-- bump_timestamp (v15-v16): as v13, writing timestamps with an upsert.
CREATE OR REPLACE FUNCTION bump_timestamp() RETURNS trigger AS $$
DECLARE
    previous TIMESTAMP;
    current TIMESTAMP;
BEGIN
    SELECT last_modified INTO previous
      FROM timestamps
     WHERE parent_id = NEW.parent_id AND collection_id = NEW.collection_id;

    current := clock_timestamp();
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + INTERVAL '1 millisecond';
    END IF;

    IF NEW.last_modified IS NULL OR
       (previous IS NOT NULL AND as_epoch(NEW.last_modified) = as_epoch(previous)) THEN
        NEW.last_modified := current;
    ELSIF previous IS NULL OR NEW.last_modified > previous THEN
        -- A newer stamp supplied by the caller becomes the collection's.
        current := NEW.last_modified;
    END IF;

    INSERT INTO timestamps (parent_id, collection_id, last_modified)
    VALUES (NEW.parent_id, NEW.collection_id, current)
    ON CONFLICT (parent_id, collection_id) DO UPDATE
        SET last_modified = current;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
