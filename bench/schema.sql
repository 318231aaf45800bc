-- A Kinto-like database at storage version 26 and permission version 2,
-- written for the benchmark only: the tables, functions, indexes and
-- triggers a fresh v26 install has, and enough rows to make a large dump.
-- psql variable :rows is the number of objects rows.
\set ON_ERROR_STOP on

CREATE FUNCTION as_epoch(ts timestamp without time zone) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    -- milliseconds since 1970
    RETURN (EXTRACT(EPOCH FROM ts) * 1000)::bigint;
END;
$$;

CREATE FUNCTION from_epoch(epoch bigint) RETURNS timestamp without time zone
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN TIMESTAMP WITH TIME ZONE 'epoch' + epoch * INTERVAL '1 millisecond';
END;
$$;

CREATE FUNCTION bump_timestamp() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous BIGINT;
    current BIGINT;
BEGIN
    -- newest timestamp of the parent's resource, from the objects or the
    -- timestamps row, whichever is later
    WITH existing_timestamps AS (
        (SELECT last_modified FROM objects
          WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
          ORDER BY last_modified DESC LIMIT 1)
        UNION
        (SELECT last_modified FROM timestamps
          WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name)
    )
    SELECT MAX(as_epoch(last_modified)) INTO previous FROM existing_timestamps;

    IF NEW.last_modified IS NULL OR
       (previous IS NOT NULL AND as_epoch(NEW.last_modified) = previous) THEN
        current := as_epoch(clock_timestamp()::timestamp);
        IF previous IS NOT NULL AND previous >= current THEN
            current := previous + 1;
        END IF;
        NEW.last_modified := from_epoch(current);
    END IF;

    INSERT INTO timestamps (parent_id, resource_name, last_modified)
    VALUES (NEW.parent_id, NEW.resource_name, NEW.last_modified)
    ON CONFLICT (parent_id, resource_name) DO UPDATE
        SET last_modified = EXCLUDED.last_modified;
    RETURN NEW;
END;
$$;

CREATE TABLE objects (
    id text COLLATE "C" NOT NULL,
    parent_id text COLLATE "C" NOT NULL,
    resource_name text COLLATE "C" NOT NULL,
    last_modified timestamp without time zone NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    deleted boolean NOT NULL
);

CREATE TABLE timestamps (
    parent_id text COLLATE "C" NOT NULL,
    resource_name text COLLATE "C" NOT NULL,
    last_modified timestamp without time zone NOT NULL,
    PRIMARY KEY (parent_id, resource_name)
);

CREATE TABLE metadata (
    name character varying(128) NOT NULL,
    value character varying(512) NOT NULL
);

CREATE TABLE user_principals (
    user_id text COLLATE "C" NOT NULL,
    principal text NOT NULL,
    PRIMARY KEY (user_id, principal)
);

CREATE TABLE access_control_entries (
    object_id text COLLATE "C" NOT NULL,
    permission text NOT NULL,
    principal text NOT NULL,
    PRIMARY KEY (object_id, permission, principal)
);

-- Rows first, indexes and triggers after: bulk loading stays fast.
-- Records of 50 collections, with history entries and tombstones mixed in;
-- the JSON looks like what Kinto clients store (~400 bytes).
INSERT INTO objects
SELECT md5(i::text)::uuid::text,
       '/buckets/bench/collections/c' || (i % 50),
       CASE WHEN i % 20 = 0 THEN 'history' ELSE 'record' END,
       timestamp '2024-01-01' + i * interval '1 millisecond',
       CASE WHEN i % 97 = 0 THEN '{"deleted": true}'::jsonb
       ELSE jsonb_build_object(
           'id', md5(i::text)::uuid::text,
           'title', 'Entry ' || i || ' of the benchmark collection',
           'description', 'Lorem ipsum dolor sit amet ' || md5((i * 7)::text),
           'user_id', 'account:user' || (i % 1000),
           'resource_name', 'record',
           'tags', jsonb_build_array('t' || (i % 13), 't' || (i % 31), 'common'),
           'author', jsonb_build_object('name', 'Author ' || (i % 500),
                                        'email', 'a' || (i % 500) || '@example.org'),
           'rating', (i % 5) + 1,
           'published', i % 3 = 0,
           'attachment', jsonb_build_object(
               'location', 'attachments/' || md5((i * 17)::text) || '.bin',
               'size', (i * 37) % 100000))
           -- With -v kinto=true, what real Kinto records carry too: long
           -- text with apostrophes, double quotes, backslashes, newlines,
           -- tabs and non-ASCII, which every dump form escapes (~2 KB).
           || CASE WHEN :kinto THEN jsonb_build_object(
               'body', repeat('It''s the "entry" ' || i || E' of C:\\data\\kinto,\n\tsaid '
                              || E'\u00e9l\u00e8ve \u2014 ''quoted'' \\ done. ', 14),
               'notes', jsonb_build_array('don''t', E'a "b" \\ c', 'x' || md5(i::text)))
              ELSE '{}'::jsonb END
       END,
       i % 97 = 0
  FROM generate_series(1, :rows) AS i;

INSERT INTO timestamps
SELECT '/buckets/bench/collections/c' || c, r, timestamp '2024-02-01'
  FROM generate_series(0, 49) AS c, (VALUES ('record'), ('history')) AS v(r);

INSERT INTO user_principals
SELECT 'account:user' || u, p
  FROM generate_series(0, 999) AS u,
       (VALUES ('system.Everyone'), ('system.Authenticated')) AS v(p);

INSERT INTO access_control_entries
SELECT '/buckets/bench/collections/c' || (i % 50) || '/records/' || md5(i::text)::uuid,
       CASE WHEN i % 2 = 0 THEN 'read' ELSE 'write' END,
       'account:user' || (i % 1000)
  FROM generate_series(1, :rows / 20) AS i;

INSERT INTO metadata VALUES
    ('created_at', '2024-01-01 00:00:00.000000+00'),
    ('storage_schema_version', '26'),
    ('permission_schema_version', '2');

ALTER TABLE objects ADD CONSTRAINT objects_pkey PRIMARY KEY (id, parent_id, resource_name);
CREATE UNIQUE INDEX idx_objects_parent_id_resource_name_last_modified
    ON objects (parent_id, resource_name, last_modified DESC);
CREATE INDEX idx_objects_last_modified_epoch ON objects (as_epoch(last_modified));
CREATE INDEX idx_objects_resource_name_parent_id_deleted
    ON objects (resource_name, parent_id, deleted);
CREATE INDEX idx_objects_history_userid_and_resourcename
    ON objects ((data -> 'user_id'), (data -> 'resource_name'))
    WHERE resource_name = 'history';
CREATE INDEX idx_objects_parent_id_record_last_modified
    ON objects (parent_id, last_modified DESC) WHERE resource_name = 'record';
CREATE INDEX idx_access_control_entries_object_id ON access_control_entries (object_id);
CREATE INDEX idx_access_control_entries_permission ON access_control_entries (permission);
CREATE INDEX idx_access_control_entries_principal ON access_control_entries (principal);

CREATE TRIGGER tgr_objects_last_modified
    BEFORE INSERT OR UPDATE OF data ON objects
    FOR EACH ROW EXECUTE FUNCTION bump_timestamp();
