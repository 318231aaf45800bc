-- collection_timestamp (v15): get or create the collection's timestamp in
-- one statement, leaving concurrent creations to ON CONFLICT.
CREATE OR REPLACE FUNCTION collection_timestamp(uid VARCHAR, resource VARCHAR)
RETURNS TIMESTAMP AS $$
DECLARE
    stamp TIMESTAMP;
BEGIN
    WITH create_if_missing AS (
        INSERT INTO timestamps (parent_id, collection_id, last_modified)
        VALUES (uid, resource, clock_timestamp())
        ON CONFLICT (parent_id, collection_id) DO NOTHING
        RETURNING last_modified
    ),
    get_or_create AS (
        SELECT last_modified FROM create_if_missing
        UNION
        SELECT last_modified FROM timestamps
         WHERE parent_id = uid AND collection_id = resource
    )
    -- Either the new row or the existing one: a single value.
    SELECT last_modified INTO stamp FROM get_or_create;
    RETURN stamp;
END;
$$ LANGUAGE plpgsql;
