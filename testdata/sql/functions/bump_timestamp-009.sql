-- bump_timestamp (v9): a caller may now supply last_modified itself; the
-- clock is used only when it did not. The collection's timestamp is still
-- asked for on every row.
CREATE OR REPLACE FUNCTION bump_timestamp() RETURNS trigger AS $$
DECLARE
    previous TIMESTAMP;
    current TIMESTAMP;
BEGIN
    previous := collection_timestamp(NEW.parent_id, NEW.collection_id);
    IF NEW.last_modified IS NULL THEN
        current := clock_timestamp();
        IF previous IS NOT NULL AND previous >= current THEN
            current := previous + INTERVAL '1 millisecond';
        END IF;
        NEW.last_modified := current;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
