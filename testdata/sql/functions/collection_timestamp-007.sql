-- collection_timestamp (v7): resource_timestamp renamed to the new columns.
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
        newest := localtimestamp;
    END IF;
    RETURN newest;
END;
$$ LANGUAGE plpgsql;
