--
-- PostgreSQL database dump
--

-- Dumped from database version 13.16 (Debian 13.16-0+deb11u1)
-- Dumped by pg_dump version 13.16 (Debian 13.16-0+deb11u1)

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
    previous TIMESTAMP;
    current TIMESTAMP;
BEGIN
    WITH existing_timestamps AS (
        (SELECT last_modified FROM records
          WHERE parent_id = NEW.parent_id AND collection_id = NEW.collection_id
          ORDER BY last_modified DESC LIMIT 1)
        UNION
        (SELECT last_modified FROM deleted
          WHERE parent_id = NEW.parent_id AND collection_id = NEW.collection_id
          ORDER BY last_modified DESC LIMIT 1)
        UNION
        SELECT last_modified FROM timestamps
         WHERE parent_id = NEW.parent_id AND collection_id = NEW.collection_id
    )
    SELECT MAX(last_modified) INTO previous FROM existing_timestamps;

    IF NEW.last_modified IS NULL OR
       (previous IS NOT NULL AND as_epoch(NEW.last_modified) = as_epoch(previous)) OR
       (previous IS NOT NULL AND NEW.last_modified < previous) THEN
        current := clock_timestamp();
        IF previous IS NOT NULL AND previous >= current THEN
            current := previous + INTERVAL '1 millisecond';
        END IF;
        NEW.last_modified := current;
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
    object_id text NOT NULL,
    permission text NOT NULL,
    principal text NOT NULL
);


ALTER TABLE public.access_control_entries OWNER TO postgres;

--
-- Name: deleted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.deleted (
    id text NOT NULL,
    parent_id text NOT NULL,
    collection_id text NOT NULL,
    last_modified timestamp without time zone NOT NULL
);


ALTER TABLE public.deleted OWNER TO postgres;

--
-- Name: metadata; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.metadata (
    name character varying(128) NOT NULL,
    value character varying(512) NOT NULL
);


ALTER TABLE public.metadata OWNER TO postgres;

--
-- Name: records; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.records (
    id text NOT NULL,
    parent_id text NOT NULL,
    collection_id text NOT NULL,
    last_modified timestamp without time zone NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL
);


ALTER TABLE public.records OWNER TO postgres;

--
-- Name: timestamps; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.timestamps (
    parent_id text NOT NULL,
    collection_id text NOT NULL,
    last_modified timestamp without time zone NOT NULL
);


ALTER TABLE public.timestamps OWNER TO postgres;

--
-- Name: user_principals; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.user_principals (
    user_id text NOT NULL,
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
-- Data for Name: deleted; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.deleted (id, parent_id, collection_id, last_modified) FROM stdin;
00000001-0000-4000-8000-0000000001c2	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.594313
00000002-0000-4000-8000-0000000001c5	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.712959
00000003-0000-4000-8000-0000000001c8	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.767369
00000004-0000-4000-8000-0000000001cb	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.850116
00000005-0000-4000-8000-0000000001ce	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.929137
00000006-0000-4000-8000-0000000001d1	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.014355
00000007-0000-4000-8000-0000000001d4	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.136653
00000008-0000-4000-8000-0000000001d7	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.282638
00000009-0000-4000-8000-0000000001da	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.406715
0000000a-0000-4000-8000-0000000001dd	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.55852
0000000b-0000-4000-8000-0000000001e0	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.692443
0000000c-0000-4000-8000-0000000001e3	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.856925
0000000d-0000-4000-8000-0000000001e6	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.010716
0000000e-0000-4000-8000-0000000001e9	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.166044
0000000f-0000-4000-8000-0000000001ec	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.336598
00000010-0000-4000-8000-0000000001ef	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.469809
00000011-0000-4000-8000-0000000001f2	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.602178
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
created_at	2026-11-25 12:50:22.515118+00
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
\.


--
-- Data for Name: records; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.records (id, parent_id, collection_id, last_modified, data) FROM stdin;
00000001-0000-4000-8000-0000000001c0	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.591313	{"title": "note 448"}
00000001-0000-4000-8000-0000000001c1	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.593313	{"title": "edited"}
00000001-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.6553	{"title": "back again"}
00000002-0000-4000-8000-0000000001c3	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.709959	{"title": "note 451"}
00000002-0000-4000-8000-0000000001c4	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.711959	{"title": "edited"}
00000003-0000-4000-8000-0000000001c6	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.764369	{"title": "note 454"}
00000003-0000-4000-8000-0000000001c7	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.766369	{"title": "edited"}
00000004-0000-4000-8000-0000000001c9	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.847116	{"title": "note 457"}
00000004-0000-4000-8000-0000000001ca	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.849116	{"title": "edited"}
00000005-0000-4000-8000-0000000001cc	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.926137	{"title": "note 460"}
00000005-0000-4000-8000-0000000001cd	/buckets/blog/collections/articles	record	2026-11-25 12:50:22.928137	{"title": "edited"}
00000006-0000-4000-8000-0000000001cf	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.011355	{"title": "note 463"}
00000006-0000-4000-8000-0000000001d0	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.013355	{"title": "edited"}
00000007-0000-4000-8000-0000000001d2	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.133653	{"title": "note 466"}
00000007-0000-4000-8000-0000000001d3	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.135653	{"title": "edited"}
00000008-0000-4000-8000-0000000001d5	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.272653	{"title": "note 469"}
00000008-0000-4000-8000-0000000001d6	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.282076	{"title": "edited"}
00000009-0000-4000-8000-0000000001d8	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.400223	{"title": "note 472"}
00000009-0000-4000-8000-0000000001d9	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.40613	{"title": "edited"}
0000000a-0000-4000-8000-0000000001db	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.556503	{"title": "note 475"}
0000000a-0000-4000-8000-0000000001dc	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.55792	{"title": "edited"}
0000000b-0000-4000-8000-0000000001de	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.689709	{"title": "note 478"}
0000000b-0000-4000-8000-0000000001df	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.691716	{"title": "edited"}
0000000c-0000-4000-8000-0000000001e1	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.854753	{"title": "note 481"}
0000000c-0000-4000-8000-0000000001e2	/buckets/blog/collections/articles	record	2026-11-25 12:50:23.856255	{"title": "edited"}
0000000d-0000-4000-8000-0000000001e4	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.004249	{"title": "note 484"}
0000000d-0000-4000-8000-0000000001e5	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.010026	{"title": "edited"}
0000000e-0000-4000-8000-0000000001e7	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.160191	{"title": "note 487"}
0000000e-0000-4000-8000-0000000001e8	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.165307	{"title": "edited"}
0000000f-0000-4000-8000-0000000001ea	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.332558	{"title": "note 490"}
0000000f-0000-4000-8000-0000000001eb	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.335988	{"title": "edited"}
00000010-0000-4000-8000-0000000001ed	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.467942	{"title": "note 493"}
00000010-0000-4000-8000-0000000001ee	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.469197	{"title": "edited"}
00000011-0000-4000-8000-0000000001f0	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.595862	{"title": "note 496"}
00000011-0000-4000-8000-0000000001f1	/buckets/blog/collections/articles	record	2026-11-25 12:50:24.597276	{"title": "edited"}
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.timestamps (parent_id, collection_id, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-11-25 12:50:24.469809
\.


--
-- Data for Name: user_principals; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.user_principals (user_id, principal) FROM stdin;
account:alice	system.Authenticated
\.


--
-- Name: access_control_entries access_control_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.access_control_entries
    ADD CONSTRAINT access_control_entries_pkey PRIMARY KEY (object_id, permission, principal);


--
-- Name: deleted deleted_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.deleted
    ADD CONSTRAINT deleted_pkey PRIMARY KEY (id, parent_id, collection_id);


--
-- Name: records records_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.records
    ADD CONSTRAINT records_pkey PRIMARY KEY (id, parent_id, collection_id);


--
-- Name: timestamps timestamps_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.timestamps
    ADD CONSTRAINT timestamps_pkey PRIMARY KEY (parent_id, collection_id);


--
-- Name: user_principals user_principals_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.user_principals
    ADD CONSTRAINT user_principals_pkey PRIMARY KEY (user_id, principal);


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
-- Name: idx_deleted_last_modified_epoch; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_deleted_last_modified_epoch ON public.deleted USING btree (public.as_epoch(last_modified));


--
-- Name: idx_deleted_parent_id_collection_id_last_modified; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX idx_deleted_parent_id_collection_id_last_modified ON public.deleted USING btree (parent_id, collection_id, last_modified DESC);


--
-- Name: idx_records_last_modified_epoch; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_records_last_modified_epoch ON public.records USING btree (public.as_epoch(last_modified));


--
-- Name: idx_records_parent_id_collection_id_last_modified; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX idx_records_parent_id_collection_id_last_modified ON public.records USING btree (parent_id, collection_id, last_modified DESC);


--
-- Name: deleted tgr_deleted_last_modified; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tgr_deleted_last_modified BEFORE INSERT ON public.deleted FOR EACH ROW EXECUTE FUNCTION public.bump_timestamp();


--
-- Name: records tgr_records_last_modified; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tgr_records_last_modified BEFORE INSERT OR UPDATE OF data ON public.records FOR EACH ROW EXECUTE FUNCTION public.bump_timestamp();


--
-- PostgreSQL database dump complete
--

