-- bump_timestamp (v1-v6): stamp every written row with the local time, kept
-- strictly above the newest timestamp of its resource.
CREATE OR REPLACE FUNCTION bump_timestamp() RETURNS trigger AS $$
DECLARE
    previous TIMESTAMP;
    current TIMESTAMP;
BEGIN
    previous := resource_timestamp(NEW.user_id, NEW.resource_name);
    current := localtimestamp;
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + INTERVAL '1 millisecond';
    END IF;
    NEW.last_modified := current;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
