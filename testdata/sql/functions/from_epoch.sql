-- from_epoch(epoch): the UTC timestamp of a count of milliseconds (v9+).
CREATE OR REPLACE FUNCTION from_epoch(epoch BIGINT) RETURNS TIMESTAMP AS $$
BEGIN
    RETURN TIMESTAMP '1970-01-01 00:00:00' + epoch * INTERVAL '1 millisecond';
END;
$$ LANGUAGE plpgsql IMMUTABLE;
