-- 003 -> 004: identifiers become plain text; ids are no longer generated
-- by the database, so uuid-ossp goes.
ALTER TABLE records ALTER COLUMN id DROP DEFAULT;
ALTER TABLE records ALTER COLUMN id TYPE TEXT,
                    ALTER COLUMN user_id TYPE TEXT,
                    ALTER COLUMN resource_name TYPE TEXT;
ALTER TABLE deleted ALTER COLUMN id DROP DEFAULT;
ALTER TABLE deleted ALTER COLUMN id TYPE TEXT,
                    ALTER COLUMN user_id TYPE TEXT,
                    ALTER COLUMN resource_name TYPE TEXT;

DROP EXTENSION IF EXISTS "uuid-ossp";

INSERT INTO metadata (name, value) VALUES ('storage_schema_version', '4');
