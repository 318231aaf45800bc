--
-- PostgreSQL database dump
--

\restrict ksdcorpus0restrict0key

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: kinto; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA kinto;


ALTER SCHEMA kinto OWNER TO postgres;

--
-- Name: as_epoch(timestamp without time zone); Type: FUNCTION; Schema: kinto; Owner: postgres
--

CREATE FUNCTION kinto.as_epoch(ts timestamp without time zone) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN (EXTRACT(EPOCH FROM ts) * 1000)::BIGINT;
END;
$$;


ALTER FUNCTION kinto.as_epoch(ts timestamp without time zone) OWNER TO postgres;

--
-- Name: bump_timestamp(); Type: FUNCTION; Schema: kinto; Owner: postgres
--

CREATE FUNCTION kinto.bump_timestamp() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    previous BIGINT;
    current BIGINT;
BEGIN
    WITH existing_timestamps AS (
        (SELECT as_epoch(last_modified) AS stamp FROM objects
          WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
          ORDER BY last_modified DESC LIMIT 1)
        UNION
        SELECT as_epoch(last_modified) AS stamp FROM timestamps
         WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
    )
    SELECT MAX(stamp) INTO previous FROM existing_timestamps;

    IF NEW.last_modified IS NULL OR
       (previous IS NOT NULL AND as_epoch(NEW.last_modified) <= previous) THEN
        current := as_epoch(clock_timestamp()::TIMESTAMP);
        IF previous IS NOT NULL AND previous >= current THEN
            current := previous + 1;
        END IF;
        NEW.last_modified := from_epoch(current);
    END IF;
    RETURN NEW;
END;
$$;


ALTER FUNCTION kinto.bump_timestamp() OWNER TO postgres;

--
-- Name: from_epoch(bigint); Type: FUNCTION; Schema: kinto; Owner: postgres
--

CREATE FUNCTION kinto.from_epoch(epoch bigint) RETURNS timestamp without time zone
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN TIMESTAMP '1970-01-01 00:00:00' + epoch * INTERVAL '1 millisecond';
END;
$$;


ALTER FUNCTION kinto.from_epoch(epoch bigint) OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: access_control_entries; Type: TABLE; Schema: kinto; Owner: postgres
--

CREATE TABLE kinto.access_control_entries (
    object_id text NOT NULL COLLATE pg_catalog."C",
    permission text NOT NULL,
    principal text NOT NULL
);


ALTER TABLE kinto.access_control_entries OWNER TO postgres;

--
-- Name: deleted; Type: TABLE; Schema: kinto; Owner: postgres
--

CREATE TABLE kinto.deleted (
    id text NOT NULL,
    parent_id text NOT NULL,
    collection_id text NOT NULL,
    last_modified timestamp without time zone NOT NULL
);


ALTER TABLE kinto.deleted OWNER TO postgres;

--
-- Name: metadata; Type: TABLE; Schema: kinto; Owner: postgres
--

CREATE TABLE kinto.metadata (
    name character varying(128) NOT NULL,
    value character varying(512) NOT NULL
);


ALTER TABLE kinto.metadata OWNER TO postgres;

--
-- Name: objects; Type: TABLE; Schema: kinto; Owner: postgres
--

CREATE TABLE kinto.objects (
    id text NOT NULL COLLATE pg_catalog."C",
    parent_id text NOT NULL COLLATE pg_catalog."C",
    resource_name text NOT NULL COLLATE pg_catalog."C",
    last_modified timestamp without time zone NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    deleted boolean DEFAULT false NOT NULL
);


ALTER TABLE kinto.objects OWNER TO postgres;

--
-- Name: timestamps; Type: TABLE; Schema: kinto; Owner: postgres
--

CREATE TABLE kinto.timestamps (
    parent_id text NOT NULL COLLATE pg_catalog."C",
    resource_name text NOT NULL COLLATE pg_catalog."C",
    last_modified timestamp without time zone NOT NULL
);


ALTER TABLE kinto.timestamps OWNER TO postgres;

--
-- Name: user_principals; Type: TABLE; Schema: kinto; Owner: postgres
--

CREATE TABLE kinto.user_principals (
    user_id text NOT NULL COLLATE pg_catalog."C",
    principal text NOT NULL
);


ALTER TABLE kinto.user_principals OWNER TO postgres;

--
-- Data for Name: access_control_entries; Type: TABLE DATA; Schema: kinto; Owner: postgres
--

COPY kinto.access_control_entries (object_id, permission, principal) FROM stdin;
/buckets/blog	write	account:alice
/buckets/blog/collections/articles	read	system.Everyone
\.


--
-- Data for Name: deleted; Type: TABLE DATA; Schema: kinto; Owner: postgres
--

COPY kinto.deleted (id, parent_id, collection_id, last_modified) FROM stdin;
00000001-0000-4000-8000-000000000171	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.380502
00000002-0000-4000-8000-000000000174	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.564974
00000003-0000-4000-8000-000000000177	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.660646
00000004-0000-4000-8000-00000000017a	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.802652
00000005-0000-4000-8000-00000000017d	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.868157
00000006-0000-4000-8000-000000000180	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.98453
00000007-0000-4000-8000-000000000183	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.142868
00000008-0000-4000-8000-000000000186	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.281171
00000009-0000-4000-8000-000000000189	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.446149
0000000a-0000-4000-8000-00000000018c	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.594252
0000000b-0000-4000-8000-00000000018f	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.731819
0000000c-0000-4000-8000-000000000192	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.903506
0000000d-0000-4000-8000-000000000195	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.067649
0000000e-0000-4000-8000-000000000198	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.190105
0000000f-0000-4000-8000-00000000019b	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.328393
00000010-0000-4000-8000-00000000019e	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.415715
00000011-0000-4000-8000-0000000001a1	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.546878
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: postgres
--

COPY kinto.metadata (name, value) FROM stdin;
created_at	2026-11-25 12:49:55.321677+00
storage_schema_version	2
storage_schema_version	3
storage_schema_version	4
storage_schema_version	5
storage_schema_version	6
storage_schema_version	7
storage_schema_version	8
storage_schema_version	9
storage_schema_version	10
storage_schema_version	11
storage_schema_version	12
storage_schema_version	13
storage_schema_version	14
storage_schema_version	15
storage_schema_version	16
storage_schema_version	17
storage_schema_version	18
storage_schema_version	19
storage_schema_version	20
storage_schema_version	21
permission_schema_version	2
storage_schema_version	22
storage_schema_version	23
storage_schema_version	24
storage_schema_version	25
storage_schema_version	26
\.


--
-- Data for Name: objects; Type: TABLE DATA; Schema: kinto; Owner: postgres
--

COPY kinto.objects (id, parent_id, resource_name, last_modified, data, deleted) FROM stdin;
00000001-0000-4000-8000-00000000016f	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.377502	{"title": "note 367"}	f
00000001-0000-4000-8000-000000000170	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.379502	{"title": "edited"}	f
00000001-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.457627	{"title": "back again"}	f
00000002-0000-4000-8000-000000000172	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.561974	{"title": "note 370"}	f
00000002-0000-4000-8000-000000000173	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.563974	{"title": "edited"}	f
00000003-0000-4000-8000-000000000175	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.657646	{"title": "note 373"}	f
00000003-0000-4000-8000-000000000176	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.659646	{"title": "edited"}	f
00000004-0000-4000-8000-000000000178	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.799652	{"title": "note 376"}	f
00000004-0000-4000-8000-000000000179	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.801652	{"title": "edited"}	f
00000005-0000-4000-8000-00000000017b	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.865157	{"title": "note 379"}	f
00000005-0000-4000-8000-00000000017c	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.867157	{"title": "edited"}	f
00000006-0000-4000-8000-00000000017e	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.98153	{"title": "note 382"}	f
00000006-0000-4000-8000-00000000017f	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.98353	{"title": "edited"}	f
00000007-0000-4000-8000-000000000181	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.139868	{"title": "note 385"}	f
00000007-0000-4000-8000-000000000182	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.141868	{"title": "edited"}	f
00000008-0000-4000-8000-000000000184	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.275926	{"title": "note 388"}	f
00000008-0000-4000-8000-000000000185	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.280577	{"title": "edited"}	f
00000009-0000-4000-8000-000000000187	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.43574	{"title": "note 391"}	f
00000009-0000-4000-8000-000000000188	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.443009	{"title": "edited"}	f
0000000a-0000-4000-8000-00000000018a	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.58899	{"title": "note 394"}	f
0000000a-0000-4000-8000-00000000018b	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.593568	{"title": "edited"}	f
0000000b-0000-4000-8000-00000000018d	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.721194	{"title": "note 397"}	f
0000000b-0000-4000-8000-00000000018e	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.731156	{"title": "edited"}	f
0000000c-0000-4000-8000-000000000190	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.896868	{"title": "note 400"}	f
0000000c-0000-4000-8000-000000000191	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.902802	{"title": "edited"}	f
0000000d-0000-4000-8000-000000000193	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.061091	{"title": "note 403"}	f
0000000d-0000-4000-8000-000000000194	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.066986	{"title": "edited"}	f
0000000e-0000-4000-8000-000000000196	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.183626	{"title": "note 406"}	f
0000000e-0000-4000-8000-000000000197	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.185181	{"title": "edited"}	f
0000000f-0000-4000-8000-000000000199	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.32642	{"title": "note 409"}	f
0000000f-0000-4000-8000-00000000019a	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.327748	{"title": "edited"}	f
00000010-0000-4000-8000-00000000019c	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.408619	{"title": "note 412"}	f
00000010-0000-4000-8000-00000000019d	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.415086	{"title": "edited"}	f
00000011-0000-4000-8000-00000000019f	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.540411	{"title": "note 415"}	f
00000011-0000-4000-8000-0000000001a0	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.546173	{"title": "edited"}	f
00000001-0000-4000-8000-000000000171	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.380502	{"deleted": true}	t
00000002-0000-4000-8000-000000000174	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.564974	{"deleted": true}	t
00000003-0000-4000-8000-000000000177	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.660646	{"deleted": true}	t
00000004-0000-4000-8000-00000000017a	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.802652	{"deleted": true}	t
00000005-0000-4000-8000-00000000017d	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.868157	{"deleted": true}	t
00000006-0000-4000-8000-000000000180	/buckets/blog/collections/articles	record	2026-11-25 12:49:55.98453	{"deleted": true}	t
00000007-0000-4000-8000-000000000183	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.142868	{"deleted": true}	t
00000008-0000-4000-8000-000000000186	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.281171	{"deleted": true}	t
00000009-0000-4000-8000-000000000189	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.446149	{"deleted": true}	t
0000000a-0000-4000-8000-00000000018c	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.594252	{"deleted": true}	t
0000000b-0000-4000-8000-00000000018f	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.731819	{"deleted": true}	t
0000000c-0000-4000-8000-000000000192	/buckets/blog/collections/articles	record	2026-11-25 12:49:56.903506	{"deleted": true}	t
0000000d-0000-4000-8000-000000000195	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.067649	{"deleted": true}	t
0000000e-0000-4000-8000-000000000198	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.190105	{"deleted": true}	t
0000000f-0000-4000-8000-00000000019b	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.328393	{"deleted": true}	t
00000010-0000-4000-8000-00000000019e	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.415715	{"deleted": true}	t
00000011-0000-4000-8000-0000000001a1	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.546878	{"deleted": true}	t
00000012-0000-4000-8000-0000000001a2	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.67381	{"title": "note 418"}	f
00000012-0000-4000-8000-0000000001a3	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.675271	{"title": "edited"}	f
00000012-0000-4000-8000-0000000001a4	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.67563	{"deleted": true}	t
00000013-0000-4000-8000-0000000001a5	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.800263	{"title": "note 421"}	f
00000013-0000-4000-8000-0000000001a6	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.803007	{"title": "edited"}	f
00000013-0000-4000-8000-0000000001a7	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.803365	{"deleted": true}	t
00000014-0000-4000-8000-0000000001a8	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.936124	{"title": "note 424"}	f
00000014-0000-4000-8000-0000000001a9	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.937504	{"title": "edited"}	f
00000014-0000-4000-8000-0000000001aa	/buckets/blog/collections/articles	record	2026-11-25 12:49:57.93784	{"deleted": true}	t
00000015-0000-4000-8000-0000000001ab	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.060629	{"title": "note 427"}	f
00000015-0000-4000-8000-0000000001ac	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.062092	{"title": "edited"}	f
00000015-0000-4000-8000-0000000001ad	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.062609	{"deleted": true}	t
00000016-0000-4000-8000-0000000001ae	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.198	{"title": "note 430"}	f
00000016-0000-4000-8000-0000000001af	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.2	{"title": "edited"}	f
00000016-0000-4000-8000-0000000001b0	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.201	{"deleted": true}	t
00000017-0000-4000-8000-0000000001b1	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.34	{"title": "note 433"}	f
00000017-0000-4000-8000-0000000001b2	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.346	{"title": "edited"}	f
00000017-0000-4000-8000-0000000001b3	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.347	{"deleted": true}	t
00000018-0000-4000-8000-0000000001b4	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.505	{"title": "note 436"}	f
00000018-0000-4000-8000-0000000001b5	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.511	{"title": "edited"}	f
00000018-0000-4000-8000-0000000001b6	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.512	{"deleted": true}	t
00000019-0000-4000-8000-0000000001b7	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.615	{"title": "note 439"}	f
00000019-0000-4000-8000-0000000001b8	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.617	{"title": "edited"}	f
00000019-0000-4000-8000-0000000001b9	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.618	{"deleted": true}	t
0000001a-0000-4000-8000-0000000001ba	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.742	{"title": "note 442"}	f
0000001a-0000-4000-8000-0000000001bb	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.744	{"title": "edited"}	f
0000001a-0000-4000-8000-0000000001bc	/buckets/blog/collections/articles	record	2026-11-25 12:49:58.745	{"deleted": true}	t
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: kinto; Owner: postgres
--

COPY kinto.timestamps (parent_id, resource_name, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-11-25 12:49:57.415715
\.


--
-- Data for Name: user_principals; Type: TABLE DATA; Schema: kinto; Owner: postgres
--

COPY kinto.user_principals (user_id, principal) FROM stdin;
account:alice	system.Authenticated
\.


--
-- Name: access_control_entries access_control_entries_pkey; Type: CONSTRAINT; Schema: kinto; Owner: postgres
--

ALTER TABLE ONLY kinto.access_control_entries
    ADD CONSTRAINT access_control_entries_pkey PRIMARY KEY (object_id, permission, principal);


--
-- Name: deleted deleted_pkey; Type: CONSTRAINT; Schema: kinto; Owner: postgres
--

ALTER TABLE ONLY kinto.deleted
    ADD CONSTRAINT deleted_pkey PRIMARY KEY (id, parent_id, collection_id);


--
-- Name: objects records_pkey; Type: CONSTRAINT; Schema: kinto; Owner: postgres
--

ALTER TABLE ONLY kinto.objects
    ADD CONSTRAINT records_pkey PRIMARY KEY (id, parent_id, resource_name);


--
-- Name: timestamps timestamps_pkey; Type: CONSTRAINT; Schema: kinto; Owner: postgres
--

ALTER TABLE ONLY kinto.timestamps
    ADD CONSTRAINT timestamps_pkey PRIMARY KEY (parent_id, resource_name);


--
-- Name: user_principals user_principals_pkey; Type: CONSTRAINT; Schema: kinto; Owner: postgres
--

ALTER TABLE ONLY kinto.user_principals
    ADD CONSTRAINT user_principals_pkey PRIMARY KEY (user_id, principal);


--
-- Name: idx_access_control_entries_object_id; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE INDEX idx_access_control_entries_object_id ON kinto.access_control_entries USING btree (object_id);


--
-- Name: idx_access_control_entries_permission; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE INDEX idx_access_control_entries_permission ON kinto.access_control_entries USING btree (permission);


--
-- Name: idx_access_control_entries_principal; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE INDEX idx_access_control_entries_principal ON kinto.access_control_entries USING btree (principal);


--
-- Name: idx_deleted_last_modified_epoch; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE INDEX idx_deleted_last_modified_epoch ON kinto.deleted USING btree (kinto.as_epoch(last_modified));


--
-- Name: idx_deleted_parent_id_collection_id_last_modified; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE UNIQUE INDEX idx_deleted_parent_id_collection_id_last_modified ON kinto.deleted USING btree (parent_id, collection_id, last_modified DESC);


--
-- Name: idx_objects_history_userid_and_resourcename; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE INDEX idx_objects_history_userid_and_resourcename ON kinto.objects USING btree (((data -> 'user_id'::text)), ((data -> 'resource_name'::text))) WHERE (resource_name = 'history'::text);


--
-- Name: idx_objects_last_modified_epoch; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE INDEX idx_objects_last_modified_epoch ON kinto.objects USING btree (kinto.as_epoch(last_modified));


--
-- Name: idx_objects_parent_id_record_last_modified; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE INDEX idx_objects_parent_id_record_last_modified ON kinto.objects USING btree (parent_id, last_modified DESC) WHERE (resource_name = 'record'::text);


--
-- Name: idx_objects_parent_id_resource_name_last_modified; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE UNIQUE INDEX idx_objects_parent_id_resource_name_last_modified ON kinto.objects USING btree (parent_id, resource_name, last_modified DESC);


--
-- Name: idx_objects_resource_name_parent_id_deleted; Type: INDEX; Schema: kinto; Owner: postgres
--

CREATE INDEX idx_objects_resource_name_parent_id_deleted ON kinto.objects USING btree (resource_name, parent_id, deleted);


--
-- Name: deleted tgr_deleted_last_modified; Type: TRIGGER; Schema: kinto; Owner: postgres
--

CREATE TRIGGER tgr_deleted_last_modified BEFORE INSERT ON kinto.deleted FOR EACH ROW EXECUTE FUNCTION kinto.bump_timestamp();


--
-- Name: objects tgr_objects_last_modified; Type: TRIGGER; Schema: kinto; Owner: postgres
--

CREATE TRIGGER tgr_objects_last_modified BEFORE INSERT OR UPDATE OF data ON kinto.objects FOR EACH ROW EXECUTE FUNCTION kinto.bump_timestamp();


--
-- PostgreSQL database dump complete
--

\unrestrict ksdcorpus0restrict0key

