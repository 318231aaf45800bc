--
-- PostgreSQL database dump
--

\restrict ksdcorpus0restrict0key

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
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

    current := clock_timestamp();
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + INTERVAL '1 millisecond';
    END IF;

    -- A supplied stamp is kept unless it repeats the previous one.
    IF NEW.last_modified IS NULL OR
       (previous IS NOT NULL AND as_epoch(NEW.last_modified) = as_epoch(previous)) THEN
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
00000001-0000-4000-8000-000000000003	/buckets/blog/collections/articles	record	2026-12-07 00:50:14.650297
00000002-0000-4000-8000-000000000006	/buckets/blog/collections/articles	record	2026-12-07 00:50:16.576281
00000003-0000-4000-8000-000000000009	/buckets/blog/collections/articles	record	2026-12-07 00:50:18.377822
00000004-0000-4000-8000-00000000000c	/buckets/blog/collections/articles	record	2026-12-07 00:50:20.198581
00000005-0000-4000-8000-00000000000f	/buckets/blog/collections/articles	record	2026-12-07 00:50:21.482628
00000006-0000-4000-8000-000000000012	/buckets/blog/collections/articles	record	2026-12-07 00:50:23.091144
00000007-0000-4000-8000-000000000015	/buckets/blog/collections/articles	record	2026-12-07 00:50:24.860501
00000008-0000-4000-8000-000000000018	/buckets/blog/collections/articles	record	2026-12-07 00:50:26.46385
00000009-0000-4000-8000-00000000001b	/buckets/blog/collections/articles	record	2026-12-07 00:50:28.027326
0000000a-0000-4000-8000-00000000001e	/buckets/blog/collections/articles	record	2026-12-07 00:50:29.518013
0000000b-0000-4000-8000-000000000021	/buckets/blog/collections/articles	record	2026-12-07 00:50:30.985717
0000000c-0000-4000-8000-000000000024	/buckets/blog/collections/articles	record	2026-12-07 00:50:32.281986
0000000d-0000-4000-8000-000000000027	/buckets/blog/collections/articles	record	2026-12-07 00:50:33.713759
0000000e-0000-4000-8000-00000000002a	/buckets/blog/collections/articles	record	2026-12-07 00:50:35.426587
0000000f-0000-4000-8000-00000000002d	/buckets/blog/collections/articles	record	2026-12-07 00:50:36.663246
00000010-0000-4000-8000-000000000030	/buckets/blog/collections/articles	record	2026-12-07 00:50:38.024611
00000011-0000-4000-8000-000000000033	/buckets/blog/collections/articles	record	2026-12-07 00:50:39.357392
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
created_at	2026-12-07 00:50:14.285349+00
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
00000001-0000-4000-8000-000000000001	/buckets/blog/collections/articles	record	2026-12-07 00:50:14.647297	{"title": "note 1"}
00000001-0000-4000-8000-000000000002	/buckets/blog/collections/articles	record	2026-12-07 00:50:14.649297	{"title": "edited"}
00000001-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-12-07 00:50:15.034877	{"title": "back again"}
00000002-0000-4000-8000-000000000004	/buckets/blog/collections/articles	record	2026-12-07 00:50:16.573281	{"title": "note 4"}
00000002-0000-4000-8000-000000000005	/buckets/blog/collections/articles	record	2026-12-07 00:50:16.575281	{"title": "edited"}
00000003-0000-4000-8000-000000000007	/buckets/blog/collections/articles	record	2026-12-07 00:50:18.374822	{"title": "note 7"}
00000003-0000-4000-8000-000000000008	/buckets/blog/collections/articles	record	2026-12-07 00:50:18.376822	{"title": "edited"}
00000004-0000-4000-8000-00000000000a	/buckets/blog/collections/articles	record	2026-12-07 00:50:20.195581	{"title": "note 10"}
00000004-0000-4000-8000-00000000000b	/buckets/blog/collections/articles	record	2026-12-07 00:50:20.197581	{"title": "edited"}
00000005-0000-4000-8000-00000000000d	/buckets/blog/collections/articles	record	2026-12-07 00:50:21.479628	{"title": "note 13"}
00000005-0000-4000-8000-00000000000e	/buckets/blog/collections/articles	record	2026-12-07 00:50:21.481628	{"title": "edited"}
00000006-0000-4000-8000-000000000010	/buckets/blog/collections/articles	record	2026-12-07 00:50:23.088144	{"title": "note 16"}
00000006-0000-4000-8000-000000000011	/buckets/blog/collections/articles	record	2026-12-07 00:50:23.090144	{"title": "edited"}
00000007-0000-4000-8000-000000000013	/buckets/blog/collections/articles	record	2026-12-07 00:50:24.857501	{"title": "note 19"}
00000007-0000-4000-8000-000000000014	/buckets/blog/collections/articles	record	2026-12-07 00:50:24.859501	{"title": "edited"}
00000008-0000-4000-8000-000000000016	/buckets/blog/collections/articles	record	2026-12-07 00:50:26.43786	{"title": "note 22"}
00000008-0000-4000-8000-000000000017	/buckets/blog/collections/articles	record	2026-12-07 00:50:26.45773	{"title": "edited"}
00000009-0000-4000-8000-000000000019	/buckets/blog/collections/articles	record	2026-12-07 00:50:27.985828	{"title": "note 25"}
00000009-0000-4000-8000-00000000001a	/buckets/blog/collections/articles	record	2026-12-07 00:50:28.023863	{"title": "edited"}
0000000a-0000-4000-8000-00000000001c	/buckets/blog/collections/articles	record	2026-12-07 00:50:29.506362	{"title": "note 28"}
0000000a-0000-4000-8000-00000000001d	/buckets/blog/collections/articles	record	2026-12-07 00:50:29.516826	{"title": "edited"}
0000000b-0000-4000-8000-00000000001f	/buckets/blog/collections/articles	record	2026-12-07 00:50:30.975928	{"title": "note 31"}
0000000b-0000-4000-8000-000000000020	/buckets/blog/collections/articles	record	2026-12-07 00:50:30.984273	{"title": "edited"}
0000000c-0000-4000-8000-000000000022	/buckets/blog/collections/articles	record	2026-12-07 00:50:32.272139	{"title": "note 34"}
0000000c-0000-4000-8000-000000000023	/buckets/blog/collections/articles	record	2026-12-07 00:50:32.280525	{"title": "edited"}
0000000d-0000-4000-8000-000000000025	/buckets/blog/collections/articles	record	2026-12-07 00:50:33.706114	{"title": "note 37"}
0000000d-0000-4000-8000-000000000026	/buckets/blog/collections/articles	record	2026-12-07 00:50:33.712869	{"title": "edited"}
0000000e-0000-4000-8000-000000000028	/buckets/blog/collections/articles	record	2026-12-07 00:50:35.409719	{"title": "note 40"}
0000000e-0000-4000-8000-000000000029	/buckets/blog/collections/articles	record	2026-12-07 00:50:35.42174	{"title": "edited"}
0000000f-0000-4000-8000-00000000002b	/buckets/blog/collections/articles	record	2026-12-07 00:50:36.659008	{"title": "note 43"}
0000000f-0000-4000-8000-00000000002c	/buckets/blog/collections/articles	record	2026-12-07 00:50:36.662547	{"title": "edited"}
00000010-0000-4000-8000-00000000002e	/buckets/blog/collections/articles	record	2026-12-07 00:50:38.006495	{"title": "note 46"}
00000010-0000-4000-8000-00000000002f	/buckets/blog/collections/articles	record	2026-12-07 00:50:38.023813	{"title": "edited"}
00000011-0000-4000-8000-000000000031	/buckets/blog/collections/articles	record	2026-12-07 00:50:39.345573	{"title": "note 49"}
00000011-0000-4000-8000-000000000032	/buckets/blog/collections/articles	record	2026-12-07 00:50:39.356623	{"title": "edited"}
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.timestamps (parent_id, collection_id, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-12-07 00:50:38.024611
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

\unrestrict ksdcorpus0restrict0key

