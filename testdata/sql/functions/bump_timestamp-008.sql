-- bump_timestamp (v8): the v7 logic with the clock instead of the transaction time.
CREATE OR REPLACE FUNCTION bump_timestamp() RETURNS trigger AS $$
DECLARE
    previous TIMESTAMP;
    current TIMESTAMP;
BEGIN
    previous := collection_timestamp(NEW.parent_id, NEW.collection_id);
    current := clock_timestamp();
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + INTERVAL '1 millisecond';
    END IF;
    NEW.last_modified := current;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
