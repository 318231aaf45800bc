-- Permission schema version 1 (cliquet 2.0+, indexes from 2.7). It records
-- no version row.
CREATE TABLE IF NOT EXISTS user_principals (
    user_id TEXT NOT NULL,
    principal TEXT NOT NULL,
    PRIMARY KEY (user_id, principal)
);

CREATE TABLE IF NOT EXISTS access_control_entries (
    object_id TEXT NOT NULL,
    permission TEXT NOT NULL,
    principal TEXT NOT NULL,
    PRIMARY KEY (object_id, permission, principal)
);
CREATE INDEX IF NOT EXISTS idx_access_control_entries_object_id
    ON access_control_entries (object_id);
CREATE INDEX IF NOT EXISTS idx_access_control_entries_permission
    ON access_control_entries (permission);
CREATE INDEX IF NOT EXISTS idx_access_control_entries_principal
    ON access_control_entries (principal);
