-- Permission schema version 2 (Kinto 8.1.2+): byte-wise ordering of the
-- principal and object identifiers, and a version row in metadata.
CREATE TABLE IF NOT EXISTS user_principals (
    user_id TEXT COLLATE "C" NOT NULL,
    principal TEXT NOT NULL,
    PRIMARY KEY (user_id, principal)
);

CREATE TABLE IF NOT EXISTS access_control_entries (
    object_id TEXT COLLATE "C" NOT NULL,
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

CREATE TABLE IF NOT EXISTS metadata (
    name VARCHAR(128) NOT NULL,
    value VARCHAR(512) NOT NULL
);
INSERT INTO metadata (name, value) VALUES ('permission_schema_version', '2');
