-- Permission 001 -> 002: collate the identifiers; record version 2. Running
-- it again changes nothing but adds a duplicate row.
ALTER TABLE user_principals ALTER COLUMN user_id TYPE TEXT COLLATE "C";
ALTER TABLE access_control_entries ALTER COLUMN object_id TYPE TEXT COLLATE "C";

CREATE TABLE IF NOT EXISTS metadata (
    name VARCHAR(128) NOT NULL,
    value VARCHAR(512) NOT NULL
);
INSERT INTO metadata (name, value) VALUES ('permission_schema_version', '2');
