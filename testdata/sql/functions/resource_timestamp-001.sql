-- resource_timestamp (v1-v2): newest change of a user's resource, by MAX().
CREATE OR REPLACE FUNCTION resource_timestamp(uid VARCHAR, resource VARCHAR)
RETURNS TIMESTAMP AS $$
DECLARE
    newest TIMESTAMP;
BEGIN
    SELECT MAX(last_modified) INTO newest
      FROM (SELECT last_modified FROM records
             WHERE user_id = uid AND resource_name = resource
            UNION ALL
            SELECT last_modified FROM deleted
             WHERE user_id = uid AND resource_name = resource) AS changes;
    RETURN newest;
END;
$$ LANGUAGE plpgsql;
