-- A small stand-in for a fresh Kinto storage schema at version 26 plus the
-- permission schema at version 2, written from the facts in the schema
-- history (tables, columns, indexes, functions, trigger), not from Kinto's
-- files. Objects are created unqualified in the current search_path, so the
-- caller chooses the schema. No metadata rows: the database looks flushed.

CREATE TABLE objects (
    id text COLLATE "C" NOT NULL,
    parent_id text COLLATE "C" NOT NULL,
    resource_name text COLLATE "C" NOT NULL,
    last_modified timestamp without time zone NOT NULL,
    data jsonb NOT NULL DEFAULT '{}'::jsonb,
    deleted boolean NOT NULL,
    CONSTRAINT objects_pkey PRIMARY KEY (id, parent_id, resource_name)
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

CREATE FUNCTION as_epoch(ts timestamp without time zone) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE AS $body$
BEGIN
    -- whole milliseconds since 1970
    RETURN (EXTRACT(EPOCH FROM ts) * 1000)::bigint;
END;
$body$;

CREATE FUNCTION from_epoch(epoch bigint) RETURNS timestamp without time zone
    LANGUAGE plpgsql IMMUTABLE AS $body$
BEGIN
    RETURN to_timestamp(epoch::double precision / 1000) AT TIME ZONE 'UTC';
END;
$body$;

CREATE FUNCTION bump_timestamp() RETURNS trigger
    LANGUAGE plpgsql AS $body$
DECLARE
    previous BIGINT;
    current BIGINT;
BEGIN
    -- newest timestamp of the same parent and resource, tombstones included
    WITH existing_timestamps AS (
      (SELECT last_modified FROM objects WHERE parent_id = NEW.parent_id
         AND resource_name = NEW.resource_name ORDER BY last_modified DESC LIMIT 1)
      UNION
      (SELECT last_modified FROM timestamps WHERE parent_id = NEW.parent_id
         AND resource_name = NEW.resource_name)
    )
    SELECT as_epoch(MAX(last_modified)) INTO previous FROM existing_timestamps;

    current := as_epoch(clock_timestamp()::timestamp);
    IF NEW.last_modified IS NULL THEN
        IF previous IS NOT NULL AND previous >= current THEN
            current := previous + 1;
        END IF;
        NEW.last_modified := from_epoch(current);
    ELSIF previous IS NOT NULL AND as_epoch(NEW.last_modified) <= previous THEN
        NEW.last_modified := from_epoch(previous + 1);
    END IF;
    RETURN NEW;
END;
$body$;

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

CREATE TRIGGER tgr_objects_last_modified BEFORE INSERT OR UPDATE OF data ON objects
    FOR EACH ROW EXECUTE FUNCTION bump_timestamp();

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
CREATE INDEX idx_access_control_entries_object_id ON access_control_entries (object_id);
CREATE INDEX idx_access_control_entries_permission ON access_control_entries (permission);
CREATE INDEX idx_access_control_entries_principal ON access_control_entries (principal);
