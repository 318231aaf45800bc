-- bump_timestamp (v10-v12): the collection's timestamp lives in the table
-- timestamps; a supplied timestamp is kept, and a newer one becomes the
-- collection's, otherwise the clock.
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

    IF NEW.last_modified IS NULL THEN
        NEW.last_modified := current;
    ELSIF previous IS NULL OR NEW.last_modified > previous THEN
        -- A newer stamp supplied by the caller becomes the collection's.
        current := NEW.last_modified;
    END IF;

    WITH upsert AS (UPDATE timestamps SET last_modified = current
                     WHERE parent_id = NEW.parent_id
                       AND collection_id = NEW.collection_id
                    RETURNING *)
    INSERT INTO timestamps (parent_id, collection_id, last_modified)
    SELECT NEW.parent_id, NEW.collection_id, current
     WHERE NOT EXISTS (SELECT 1 FROM upsert);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
