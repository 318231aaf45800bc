-- as_epoch(ts): milliseconds since 1970 of a timestamp read as UTC.
-- IMMUTABLE so that the epoch indexes may use it.
CREATE OR REPLACE FUNCTION as_epoch(ts TIMESTAMP) RETURNS BIGINT AS $$
BEGIN
    RETURN (EXTRACT(EPOCH FROM ts) * 1000)::BIGINT;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
