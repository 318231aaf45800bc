-- resource_timestamp as the fresh cliquet 1.7/1.8 schemas wrote it: the v3
-- logic with comments inside the body.
CREATE OR REPLACE FUNCTION resource_timestamp(uid VARCHAR, resource VARCHAR)
RETURNS TIMESTAMP AS $$
DECLARE
    newest TIMESTAMP;
BEGIN
    -- The unique (user, resource, last_modified DESC) indexes make the
    -- newest row of either table a single index probe.
    SELECT last_modified INTO newest
      FROM (SELECT last_modified FROM records
             WHERE user_id = uid AND resource_name = resource
            UNION ALL
            SELECT last_modified FROM deleted
             WHERE user_id = uid AND resource_name = resource) AS changes
     ORDER BY last_modified DESC LIMIT 1;
    -- An empty resource starts at the current time.
    IF newest IS NULL THEN
        newest := localtimestamp;
    END IF;
    RETURN newest;
END;
$$ LANGUAGE plpgsql;
