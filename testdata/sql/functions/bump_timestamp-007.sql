-- bump_timestamp (v7): the v1 logic over parent_id and collection_id.
CREATE OR REPLACE FUNCTION bump_timestamp() RETURNS trigger AS $$
DECLARE
    previous TIMESTAMP;
    current TIMESTAMP;
BEGIN
    previous := collection_timestamp(NEW.parent_id, NEW.collection_id);
    current := localtimestamp;
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + INTERVAL '1 millisecond';
    END IF;
    NEW.last_modified := current;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
