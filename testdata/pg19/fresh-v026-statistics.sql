--
-- PostgreSQL database dump
--

\restrict ksdcorpus0restrict0key

-- Dumped from database version 19rc1 (Debian 19~rc1-1)
-- Dumped by pg_dump version 19rc1 (Debian 19~rc1-1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: as_epoch(timestamp without time zone); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.as_epoch(ts timestamp without time zone) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN (EXTRACT(EPOCH FROM ts) * 1000)::BIGINT;
END;
$$;


ALTER FUNCTION public.as_epoch(ts timestamp without time zone) OWNER TO postgres;

--
-- Name: bump_timestamp(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.bump_timestamp() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    previous BIGINT;
    current BIGINT;
BEGIN
    WITH existing_timestamps AS (
        (SELECT last_modified FROM objects
          WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
          ORDER BY last_modified DESC LIMIT 1)
        UNION
        SELECT last_modified FROM timestamps
         WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
    )
    SELECT as_epoch(MAX(last_modified)) INTO previous FROM existing_timestamps;

    current := as_epoch(clock_timestamp()::TIMESTAMP);
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + 1;
    END IF;

    IF NEW.last_modified IS NULL OR
       (previous IS NOT NULL AND as_epoch(NEW.last_modified) = previous) THEN
        NEW.last_modified := from_epoch(current);
    END IF;
    RETURN NEW;
END;
$$;


ALTER FUNCTION public.bump_timestamp() OWNER TO postgres;

--
-- Name: from_epoch(bigint); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.from_epoch(epoch bigint) RETURNS timestamp without time zone
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN TIMESTAMP '1970-01-01 00:00:00' + epoch * INTERVAL '1 millisecond';
END;
$$;


ALTER FUNCTION public.from_epoch(epoch bigint) OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: access_control_entries; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.access_control_entries (
    object_id text NOT NULL COLLATE pg_catalog."C",
    permission text NOT NULL,
    principal text NOT NULL
);


ALTER TABLE public.access_control_entries OWNER TO postgres;

--
-- Name: metadata; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.metadata (
    name character varying(128) NOT NULL,
    value character varying(512) NOT NULL
);


ALTER TABLE public.metadata OWNER TO postgres;

--
-- Name: objects; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.objects (
    id text NOT NULL COLLATE pg_catalog."C",
    parent_id text NOT NULL COLLATE pg_catalog."C",
    resource_name text NOT NULL COLLATE pg_catalog."C",
    last_modified timestamp without time zone NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    deleted boolean NOT NULL
);


ALTER TABLE public.objects OWNER TO postgres;

--
-- Name: timestamps; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.timestamps (
    parent_id text NOT NULL COLLATE pg_catalog."C",
    resource_name text NOT NULL COLLATE pg_catalog."C",
    last_modified timestamp without time zone NOT NULL
);


ALTER TABLE public.timestamps OWNER TO postgres;

--
-- Name: user_principals; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.user_principals (
    user_id text NOT NULL COLLATE pg_catalog."C",
    principal text NOT NULL
);


ALTER TABLE public.user_principals OWNER TO postgres;

--
-- Data for Name: access_control_entries; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.access_control_entries (object_id, permission, principal) FROM stdin;
/buckets/blog	write	account:alice
/buckets/blog/collections/articles	read	system.Everyone
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
created_at	2026-12-07 01:02:42.821691+00
storage_schema_version	26
permission_schema_version	2
\.


--
-- Data for Name: objects; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.objects (id, parent_id, resource_name, last_modified, data, deleted) FROM stdin;
0000001a-0000-4000-8000-0000000001da	/buckets/blog/collections/articles	record	2026-12-07 01:02:43.46	{"title": "note 474"}	f
0000001a-0000-4000-8000-0000000001db	/buckets/blog/collections/articles	record	2026-12-07 01:02:43.475	{"title": "edited"}	f
0000001a-0000-4000-8000-0000000001dc	/buckets/blog/collections/articles	record	2026-12-07 01:02:43.476	{"deleted": true}	t
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.timestamps (parent_id, resource_name, last_modified) FROM stdin;
\.


--
-- Data for Name: user_principals; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.user_principals (user_id, principal) FROM stdin;
account:alice	system.Authenticated
\.


--
-- Statistics for Name: access_control_entries; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'access_control_entries',
	'relpages', '1'::integer,
	'reltuples', '2'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'access_control_entries',
	'attname', 'object_id',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '24'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{/buckets/blog,/buckets/blog/collections/articles}'::text,
	'correlation', '1'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'access_control_entries',
	'attname', 'permission',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '5'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{read,write}'::text,
	'correlation', '-1'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'access_control_entries',
	'attname', 'principal',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '15'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{account:alice,system.Everyone}'::text,
	'correlation', '1'::real
);


--
-- Statistics for Name: metadata; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'metadata',
	'relpages', '1'::integer,
	'reltuples', '3'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'metadata',
	'attname', 'name',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '20'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{created_at,permission_schema_version,storage_schema_version}'::text,
	'correlation', '0.5'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'metadata',
	'attname', 'value',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '11'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{2,"2026-12-07 01:02:42.821691+00",26}'::text,
	'correlation', '-0.5'::real
);


--
-- Statistics for Name: objects; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects',
	'relpages', '1'::integer,
	'reltuples', '3'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects',
	'attname', 'data',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '23'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{"{\"deleted\": true}","{\"title\": \"edited\"}","{\"title\": \"note 474\"}"}'::text,
	'correlation', '-1'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects',
	'attname', 'deleted',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '1'::integer,
	'n_distinct', '-0.6666667'::real,
	'most_common_vals', '{f}'::text,
	'most_common_freqs', '{0.6666667}'::real[],
	'correlation', '1'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects',
	'attname', 'id',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '37'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{0000001a-0000-4000-8000-0000000001da,0000001a-0000-4000-8000-0000000001db,0000001a-0000-4000-8000-0000000001dc}'::text,
	'correlation', '1'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects',
	'attname', 'last_modified',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '8'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{"2026-12-07 01:02:43.46","2026-12-07 01:02:43.475","2026-12-07 01:02:43.476"}'::text,
	'correlation', '1'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects',
	'attname', 'parent_id',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '35'::integer,
	'n_distinct', '-0.33333334'::real,
	'most_common_vals', '{/buckets/blog/collections/articles}'::text,
	'most_common_freqs', '{1}'::real[],
	'correlation', '1'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects',
	'attname', 'resource_name',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '7'::integer,
	'n_distinct', '-0.33333334'::real,
	'most_common_vals', '{record}'::text,
	'most_common_freqs', '{1}'::real[],
	'correlation', '1'::real
);


--
-- Statistics for Name: timestamps; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'timestamps',
	'relpages', '0'::integer,
	'reltuples', '0'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: user_principals; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'user_principals',
	'relpages', '1'::integer,
	'reltuples', '1'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'user_principals',
	'attname', 'principal',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '21'::integer,
	'n_distinct', '-1'::real
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'user_principals',
	'attname', 'user_id',
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '14'::integer,
	'n_distinct', '-1'::real
);


--
-- Name: access_control_entries access_control_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.access_control_entries
    ADD CONSTRAINT access_control_entries_pkey PRIMARY KEY (object_id, permission, principal);


--
-- Name: idx_access_control_entries_object_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_access_control_entries_object_id ON public.access_control_entries USING btree (object_id);


--
-- Name: idx_access_control_entries_permission; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_access_control_entries_permission ON public.access_control_entries USING btree (permission);


--
-- Name: idx_access_control_entries_principal; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_access_control_entries_principal ON public.access_control_entries USING btree (principal);


--
-- Name: idx_objects_history_userid_and_resourcename; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_objects_history_userid_and_resourcename ON public.objects USING btree (((data -> 'user_id'::text)), ((data -> 'resource_name'::text))) WHERE (resource_name = 'history'::text);


--
-- Name: idx_objects_last_modified_epoch; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_objects_last_modified_epoch ON public.objects USING btree (public.as_epoch(last_modified));


--
-- Name: idx_objects_parent_id_record_last_modified; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_objects_parent_id_record_last_modified ON public.objects USING btree (parent_id, last_modified DESC) WHERE (resource_name = 'record'::text);


--
-- Name: idx_objects_parent_id_resource_name_last_modified; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX idx_objects_parent_id_resource_name_last_modified ON public.objects USING btree (parent_id, resource_name, last_modified DESC);


--
-- Name: idx_objects_resource_name_parent_id_deleted; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_objects_resource_name_parent_id_deleted ON public.objects USING btree (resource_name, parent_id, deleted);


--
-- Name: objects objects_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.objects
    ADD CONSTRAINT objects_pkey PRIMARY KEY (id, parent_id, resource_name);


--
-- Name: timestamps timestamps_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.timestamps
    ADD CONSTRAINT timestamps_pkey PRIMARY KEY (parent_id, resource_name);


--
-- Name: user_principals user_principals_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.user_principals
    ADD CONSTRAINT user_principals_pkey PRIMARY KEY (user_id, principal);


--
-- Name: objects_parent_resource; Type: STATISTICS; Schema: public; Owner: postgres
--

CREATE STATISTICS public.objects_parent_resource ON parent_id, resource_name FROM public.objects;


ALTER STATISTICS public.objects_parent_resource OWNER TO postgres;

--
-- Statistics for Name: objects_parent_resource; Type: EXTENDED STATISTICS DATA; Schema: public; Owner: postgres
--

SELECT * FROM pg_catalog.pg_restore_extended_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects',
	'statistics_schemaname', 'public',
	'statistics_name', 'objects_parent_resource',
	'inherited', 'f'::boolean,
	'n_distinct', '[{"attributes": [2, 3], "ndistinct": 1}]'::pg_ndistinct,
	'dependencies', '[{"attributes": [2], "dependency": 3, "degree": 1.000000}, {"attributes": [3], "dependency": 2, "degree": 1.000000}]'::pg_dependencies,
	'most_common_vals', '{{/buckets/blog/collections/articles,record}}'::text[],
	'most_common_freqs', '{1}'::double precision[],
	'most_common_base_freqs', '{1}'::double precision[]
);


--
-- Name: objects tgr_objects_last_modified; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tgr_objects_last_modified BEFORE INSERT OR UPDATE OF data ON public.objects FOR EACH ROW EXECUTE FUNCTION public.bump_timestamp();


--
-- Statistics for Name: access_control_entries_pkey; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'access_control_entries_pkey',
	'relpages', '2'::integer,
	'reltuples', '2'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: idx_access_control_entries_object_id; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_access_control_entries_object_id',
	'relpages', '2'::integer,
	'reltuples', '2'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: idx_access_control_entries_permission; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_access_control_entries_permission',
	'relpages', '2'::integer,
	'reltuples', '2'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: idx_access_control_entries_principal; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_access_control_entries_principal',
	'relpages', '2'::integer,
	'reltuples', '2'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: idx_objects_history_userid_and_resourcename; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_objects_history_userid_and_resourcename',
	'relpages', '1'::integer,
	'reltuples', '0'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: idx_objects_last_modified_epoch; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_objects_last_modified_epoch',
	'relpages', '2'::integer,
	'reltuples', '3'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);
SELECT * FROM pg_catalog.pg_restore_attribute_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_objects_last_modified_epoch',
	'attnum', '1'::smallint,
	'inherited', 'f'::boolean,
	'null_frac', '0'::real,
	'avg_width', '8'::integer,
	'n_distinct', '-1'::real,
	'histogram_bounds', '{1796605363460,1796605363475,1796605363476}'::text,
	'correlation', '1'::real
);


--
-- Statistics for Name: idx_objects_parent_id_record_last_modified; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_objects_parent_id_record_last_modified',
	'relpages', '2'::integer,
	'reltuples', '3'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: idx_objects_parent_id_resource_name_last_modified; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_objects_parent_id_resource_name_last_modified',
	'relpages', '2'::integer,
	'reltuples', '3'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: idx_objects_resource_name_parent_id_deleted; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'idx_objects_resource_name_parent_id_deleted',
	'relpages', '2'::integer,
	'reltuples', '3'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: objects_pkey; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'objects_pkey',
	'relpages', '2'::integer,
	'reltuples', '3'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: timestamps_pkey; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'timestamps_pkey',
	'relpages', '1'::integer,
	'reltuples', '0'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- Statistics for Name: user_principals_pkey; Type: STATISTICS DATA; Schema: public; Owner: -
--

SELECT * FROM pg_catalog.pg_restore_relation_stats(
	'version', '190000'::integer,
	'schemaname', 'public',
	'relname', 'user_principals_pkey',
	'relpages', '2'::integer,
	'reltuples', '1'::real,
	'relallvisible', '0'::integer,
	'relallfrozen', '0'::integer
);


--
-- PostgreSQL database dump complete
--

\unrestrict ksdcorpus0restrict0key

