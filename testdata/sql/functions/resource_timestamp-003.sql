-- resource_timestamp (v3-v6): newest change through the DESC indexes, or now.
CREATE OR REPLACE FUNCTION resource_timestamp(uid VARCHAR, resource VARCHAR)
RETURNS TIMESTAMP AS $$
DECLARE
    newest TIMESTAMP;
BEGIN
    SELECT last_modified INTO newest
      FROM (SELECT last_modified FROM records
             WHERE user_id = uid AND resource_name = resource
            UNION ALL
            SELECT last_modified FROM deleted
             WHERE user_id = uid AND resource_name = resource) AS changes
     ORDER BY last_modified DESC LIMIT 1;
    IF newest IS NULL THEN
        newest := localtimestamp;
    END IF;
    RETURN newest;
END;
$$ LANGUAGE plpgsql;
