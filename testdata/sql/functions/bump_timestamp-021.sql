-- bump_timestamp (v21): records became objects and collection_id became
-- resource_name; the tombstone branch is gone.
CREATE OR REPLACE FUNCTION bump_timestamp() RETURNS trigger AS $$
DECLARE
    previous TIMESTAMP;
    current TIMESTAMP;
BEGIN
    -- Newest stamp of the object's resource: its latest object or the
    -- leftover timestamps row.
    WITH existing_timestamps AS (
        (SELECT last_modified FROM objects
          WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
          ORDER BY last_modified DESC LIMIT 1)
        UNION
        SELECT last_modified FROM timestamps
         WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
    )
    SELECT MAX(last_modified) INTO previous FROM existing_timestamps;

    current := clock_timestamp();
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + INTERVAL '1 millisecond';
    END IF;

    -- A supplied stamp is kept unless it repeats the previous one.
    IF NEW.last_modified IS NULL OR
       (previous IS NOT NULL AND as_epoch(NEW.last_modified) = as_epoch(previous)) THEN
        NEW.last_modified := current;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
