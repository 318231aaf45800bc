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
00000001-0000-4000-8000-00000000018b	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.576421
00000002-0000-4000-8000-00000000018e	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.790661
00000003-0000-4000-8000-000000000191	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.950487
00000004-0000-4000-8000-000000000194	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.140685
00000005-0000-4000-8000-000000000197	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.302269
00000006-0000-4000-8000-00000000019a	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.45358
00000007-0000-4000-8000-00000000019d	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.675768
00000008-0000-4000-8000-0000000001a0	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.874298
00000009-0000-4000-8000-0000000001a3	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.058218
0000000a-0000-4000-8000-0000000001a6	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.262922
0000000b-0000-4000-8000-0000000001a9	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.446915
0000000c-0000-4000-8000-0000000001ac	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.651815
0000000d-0000-4000-8000-0000000001af	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.853393
0000000e-0000-4000-8000-0000000001b2	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.044543
0000000f-0000-4000-8000-0000000001b5	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.237918
00000010-0000-4000-8000-0000000001b8	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.432339
00000011-0000-4000-8000-0000000001bb	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.636845
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: kinto; Owner: postgres
--

COPY kinto.metadata (name, value) FROM stdin;
created_at	2026-12-06 16:44:22.485781+00
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
00000001-0000-4000-8000-000000000189	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.573421	{"title": "note 393"}	f
00000001-0000-4000-8000-00000000018a	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.575421	{"title": "edited"}	f
00000001-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.659173	{"title": "back again"}	f
00000002-0000-4000-8000-00000000018c	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.787661	{"title": "note 396"}	f
00000002-0000-4000-8000-00000000018d	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.789661	{"title": "edited"}	f
00000003-0000-4000-8000-00000000018f	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.947487	{"title": "note 399"}	f
00000003-0000-4000-8000-000000000190	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.949487	{"title": "edited"}	f
00000004-0000-4000-8000-000000000192	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.137685	{"title": "note 402"}	f
00000004-0000-4000-8000-000000000193	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.139685	{"title": "edited"}	f
00000005-0000-4000-8000-000000000195	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.299269	{"title": "note 405"}	f
00000005-0000-4000-8000-000000000196	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.301269	{"title": "edited"}	f
00000006-0000-4000-8000-000000000198	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.45058	{"title": "note 408"}	f
00000006-0000-4000-8000-000000000199	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.45258	{"title": "edited"}	f
00000007-0000-4000-8000-00000000019b	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.672768	{"title": "note 411"}	f
00000007-0000-4000-8000-00000000019c	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.674768	{"title": "edited"}	f
00000008-0000-4000-8000-00000000019e	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.868535	{"title": "note 414"}	f
00000008-0000-4000-8000-00000000019f	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.873162	{"title": "edited"}	f
00000009-0000-4000-8000-0000000001a1	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.052021	{"title": "note 417"}	f
00000009-0000-4000-8000-0000000001a2	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.057048	{"title": "edited"}	f
0000000a-0000-4000-8000-0000000001a4	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.259388	{"title": "note 420"}	f
0000000a-0000-4000-8000-0000000001a5	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.261939	{"title": "edited"}	f
0000000b-0000-4000-8000-0000000001a7	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.443953	{"title": "note 423"}	f
0000000b-0000-4000-8000-0000000001a8	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.446059	{"title": "edited"}	f
0000000c-0000-4000-8000-0000000001aa	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.648833	{"title": "note 426"}	f
0000000c-0000-4000-8000-0000000001ab	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.650975	{"title": "edited"}	f
0000000d-0000-4000-8000-0000000001ad	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.850222	{"title": "note 429"}	f
0000000d-0000-4000-8000-0000000001ae	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.852919	{"title": "edited"}	f
0000000e-0000-4000-8000-0000000001b0	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.041642	{"title": "note 432"}	f
0000000e-0000-4000-8000-0000000001b1	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.044129	{"title": "edited"}	f
0000000f-0000-4000-8000-0000000001b3	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.235004	{"title": "note 435"}	f
0000000f-0000-4000-8000-0000000001b4	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.237364	{"title": "edited"}	f
00000010-0000-4000-8000-0000000001b6	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.428966	{"title": "note 438"}	f
00000010-0000-4000-8000-0000000001b7	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.431678	{"title": "edited"}	f
00000011-0000-4000-8000-0000000001b9	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.634385	{"title": "note 441"}	f
00000011-0000-4000-8000-0000000001ba	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.636377	{"title": "edited"}	f
00000001-0000-4000-8000-00000000018b	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.576421	{"deleted": true}	t
00000002-0000-4000-8000-00000000018e	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.790661	{"deleted": true}	t
00000003-0000-4000-8000-000000000191	/buckets/blog/collections/articles	record	2026-12-06 16:44:22.950487	{"deleted": true}	t
00000004-0000-4000-8000-000000000194	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.140685	{"deleted": true}	t
00000005-0000-4000-8000-000000000197	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.302269	{"deleted": true}	t
00000006-0000-4000-8000-00000000019a	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.45358	{"deleted": true}	t
00000007-0000-4000-8000-00000000019d	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.675768	{"deleted": true}	t
00000008-0000-4000-8000-0000000001a0	/buckets/blog/collections/articles	record	2026-12-06 16:44:23.874298	{"deleted": true}	t
00000009-0000-4000-8000-0000000001a3	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.058218	{"deleted": true}	t
0000000a-0000-4000-8000-0000000001a6	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.262922	{"deleted": true}	t
0000000b-0000-4000-8000-0000000001a9	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.446915	{"deleted": true}	t
0000000c-0000-4000-8000-0000000001ac	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.651815	{"deleted": true}	t
0000000d-0000-4000-8000-0000000001af	/buckets/blog/collections/articles	record	2026-12-06 16:44:24.853393	{"deleted": true}	t
0000000e-0000-4000-8000-0000000001b2	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.044543	{"deleted": true}	t
0000000f-0000-4000-8000-0000000001b5	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.237918	{"deleted": true}	t
00000010-0000-4000-8000-0000000001b8	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.432339	{"deleted": true}	t
00000011-0000-4000-8000-0000000001bb	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.771712	{"deleted": true}	t
00000012-0000-4000-8000-0000000001bc	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.836061	{"title": "note 444"}	f
00000012-0000-4000-8000-0000000001bd	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.838038	{"title": "edited"}	f
00000012-0000-4000-8000-0000000001be	/buckets/blog/collections/articles	record	2026-12-06 16:44:25.838277	{"deleted": true}	t
00000013-0000-4000-8000-0000000001bf	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.043833	{"title": "note 447"}	f
00000013-0000-4000-8000-0000000001c0	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.045803	{"title": "edited"}	f
00000013-0000-4000-8000-0000000001c1	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.046061	{"deleted": true}	t
00000014-0000-4000-8000-0000000001c2	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.237935	{"title": "note 450"}	f
00000014-0000-4000-8000-0000000001c3	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.240055	{"title": "edited"}	f
00000014-0000-4000-8000-0000000001c4	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.24027	{"deleted": true}	t
00000015-0000-4000-8000-0000000001c5	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.483949	{"title": "note 453"}	f
00000015-0000-4000-8000-0000000001c6	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.485704	{"title": "edited"}	f
00000015-0000-4000-8000-0000000001c7	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.485817	{"deleted": true}	t
00000016-0000-4000-8000-0000000001c8	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.68	{"title": "note 456"}	f
00000016-0000-4000-8000-0000000001c9	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.682	{"title": "edited"}	f
00000016-0000-4000-8000-0000000001ca	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.683	{"deleted": true}	t
00000017-0000-4000-8000-0000000001cb	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.87	{"title": "note 459"}	f
00000017-0000-4000-8000-0000000001cc	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.872	{"title": "edited"}	f
00000017-0000-4000-8000-0000000001cd	/buckets/blog/collections/articles	record	2026-12-06 16:44:26.873	{"deleted": true}	t
00000018-0000-4000-8000-0000000001ce	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.069	{"title": "note 462"}	f
00000018-0000-4000-8000-0000000001cf	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.071	{"title": "edited"}	f
00000018-0000-4000-8000-0000000001d0	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.072	{"deleted": true}	t
00000019-0000-4000-8000-0000000001d1	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.261	{"title": "note 465"}	f
00000019-0000-4000-8000-0000000001d2	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.264	{"title": "edited"}	f
00000019-0000-4000-8000-0000000001d3	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.265	{"deleted": true}	t
0000001a-0000-4000-8000-0000000001d4	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.452	{"title": "note 468"}	f
0000001a-0000-4000-8000-0000000001d5	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.454	{"title": "edited"}	f
0000001a-0000-4000-8000-0000000001d6	/buckets/blog/collections/articles	record	2026-12-06 16:44:27.455	{"deleted": true}	t
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: kinto; Owner: postgres
--

COPY kinto.timestamps (parent_id, resource_name, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-12-06 16:44:25.432339
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

