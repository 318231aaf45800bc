-- 023 -> 024: history entries looked up by user and resource.
CREATE INDEX idx_objects_history_userid_and_resourcename
    ON objects ((data -> 'user_id'), (data -> 'resource_name'))
    WHERE resource_name = 'history';

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '24');
