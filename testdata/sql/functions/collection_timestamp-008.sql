-- collection_timestamp (v8-v9): the v7 function, falling back on the clock.
CREATE OR REPLACE FUNCTION collection_timestamp(uid VARCHAR, resource VARCHAR)
RETURNS TIMESTAMP AS $$
DECLARE
    newest TIMESTAMP;
BEGIN
    SELECT last_modified INTO newest
      FROM (SELECT last_modified FROM records
             WHERE parent_id = uid AND collection_id = resource
            UNION ALL
            SELECT last_modified FROM deleted
             WHERE parent_id = uid AND collection_id = resource) AS changes
     ORDER BY last_modified DESC LIMIT 1;
    IF newest IS NULL THEN
        newest := clock_timestamp();
    END IF;
    RETURN newest;
END;
$$ LANGUAGE plpgsql;
