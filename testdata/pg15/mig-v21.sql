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
    -- Newest stamp of the object's resource: its latest object or the
    -- leftover timestamps row.
    WITH existing_timestamps AS (
        (SELECT last_modified FROM objects
          WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
          ORDER BY last_modified DESC LIMIT 1)
        UNION
        SELECT last_modified FROM timestamps
         WHERE parent_id = NEW.parent_id AND resource_name = NEW.resource_name
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
    object_id text NOT NULL COLLATE pg_catalog."C",
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
-- Name: objects; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.objects (
    id text NOT NULL COLLATE pg_catalog."C",
    parent_id text NOT NULL COLLATE pg_catalog."C",
    resource_name text NOT NULL COLLATE pg_catalog."C",
    last_modified timestamp without time zone NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL,
    deleted boolean DEFAULT false NOT NULL
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
-- Data for Name: deleted; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.deleted (id, parent_id, collection_id, last_modified) FROM stdin;
00000001-0000-4000-8000-000000000003	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.137515
00000002-0000-4000-8000-000000000006	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.496065
00000003-0000-4000-8000-000000000009	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.834134
00000004-0000-4000-8000-00000000000c	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.129238
00000005-0000-4000-8000-00000000000f	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.408613
00000006-0000-4000-8000-000000000012	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.699976
00000007-0000-4000-8000-000000000015	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.037338
00000008-0000-4000-8000-000000000018	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.368422
00000009-0000-4000-8000-00000000001b	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.685449
0000000a-0000-4000-8000-00000000001e	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.00685
0000000b-0000-4000-8000-000000000021	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.338198
0000000c-0000-4000-8000-000000000024	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.649681
0000000d-0000-4000-8000-000000000027	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.956699
0000000e-0000-4000-8000-00000000002a	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.263306
0000000f-0000-4000-8000-00000000002d	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.574438
00000010-0000-4000-8000-000000000030	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.874004
00000011-0000-4000-8000-000000000033	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.175559
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
created_at	2026-12-06 16:42:04.059771+00
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
\.


--
-- Data for Name: objects; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.objects (id, parent_id, resource_name, last_modified, data, deleted) FROM stdin;
00000001-0000-4000-8000-000000000001	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.134515	{"title": "note 1"}	f
00000001-0000-4000-8000-000000000002	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.136515	{"title": "edited"}	f
00000001-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.214225	{"title": "back again"}	f
00000002-0000-4000-8000-000000000004	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.493065	{"title": "note 4"}	f
00000002-0000-4000-8000-000000000005	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.495065	{"title": "edited"}	f
00000003-0000-4000-8000-000000000007	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.831134	{"title": "note 7"}	f
00000003-0000-4000-8000-000000000008	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.833134	{"title": "edited"}	f
00000004-0000-4000-8000-00000000000a	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.126238	{"title": "note 10"}	f
00000004-0000-4000-8000-00000000000b	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.128238	{"title": "edited"}	f
00000005-0000-4000-8000-00000000000d	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.405613	{"title": "note 13"}	f
00000005-0000-4000-8000-00000000000e	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.407613	{"title": "edited"}	f
00000006-0000-4000-8000-000000000010	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.696976	{"title": "note 16"}	f
00000006-0000-4000-8000-000000000011	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.698976	{"title": "edited"}	f
00000007-0000-4000-8000-000000000013	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.034338	{"title": "note 19"}	f
00000007-0000-4000-8000-000000000014	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.036338	{"title": "edited"}	f
00000008-0000-4000-8000-000000000016	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.362448	{"title": "note 22"}	f
00000008-0000-4000-8000-000000000017	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.367492	{"title": "edited"}	f
00000009-0000-4000-8000-000000000019	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.679431	{"title": "note 25"}	f
00000009-0000-4000-8000-00000000001a	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.684511	{"title": "edited"}	f
0000000a-0000-4000-8000-00000000001c	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.003705	{"title": "note 28"}	f
0000000a-0000-4000-8000-00000000001d	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.005929	{"title": "edited"}	f
0000000b-0000-4000-8000-00000000001f	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.335434	{"title": "note 31"}	f
0000000b-0000-4000-8000-000000000020	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.337403	{"title": "edited"}	f
0000000c-0000-4000-8000-000000000022	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.646738	{"title": "note 34"}	f
0000000c-0000-4000-8000-000000000023	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.648911	{"title": "edited"}	f
0000000d-0000-4000-8000-000000000025	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.953844	{"title": "note 37"}	f
0000000d-0000-4000-8000-000000000026	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.956251	{"title": "edited"}	f
0000000e-0000-4000-8000-000000000028	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.260708	{"title": "note 40"}	f
0000000e-0000-4000-8000-000000000029	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.262928	{"title": "edited"}	f
0000000f-0000-4000-8000-00000000002b	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.572186	{"title": "note 43"}	f
0000000f-0000-4000-8000-00000000002c	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.574056	{"title": "edited"}	f
00000010-0000-4000-8000-00000000002e	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.871316	{"title": "note 46"}	f
00000010-0000-4000-8000-00000000002f	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.873521	{"title": "edited"}	f
00000011-0000-4000-8000-000000000031	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.17338	{"title": "note 49"}	f
00000011-0000-4000-8000-000000000032	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.175117	{"title": "edited"}	f
00000001-0000-4000-8000-000000000003	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.137515	{"deleted": true}	t
00000002-0000-4000-8000-000000000006	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.496065	{"deleted": true}	t
00000003-0000-4000-8000-000000000009	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.834134	{"deleted": true}	t
00000004-0000-4000-8000-00000000000c	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.129238	{"deleted": true}	t
00000005-0000-4000-8000-00000000000f	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.408613	{"deleted": true}	t
00000006-0000-4000-8000-000000000012	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.699976	{"deleted": true}	t
00000007-0000-4000-8000-000000000015	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.037338	{"deleted": true}	t
00000008-0000-4000-8000-000000000018	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.368422	{"deleted": true}	t
00000009-0000-4000-8000-00000000001b	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.685449	{"deleted": true}	t
0000000a-0000-4000-8000-00000000001e	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.00685	{"deleted": true}	t
0000000b-0000-4000-8000-000000000021	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.338198	{"deleted": true}	t
0000000c-0000-4000-8000-000000000024	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.649681	{"deleted": true}	t
0000000d-0000-4000-8000-000000000027	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.956699	{"deleted": true}	t
0000000e-0000-4000-8000-00000000002a	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.263306	{"deleted": true}	t
0000000f-0000-4000-8000-00000000002d	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.574438	{"deleted": true}	t
00000010-0000-4000-8000-000000000030	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.874004	{"deleted": true}	t
00000011-0000-4000-8000-000000000033	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.434829	{"deleted": true}	t
00000012-0000-4000-8000-000000000034	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.495495	{"title": "note 52"}	f
00000012-0000-4000-8000-000000000035	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.49742	{"title": "edited"}	f
00000012-0000-4000-8000-000000000036	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.497631	{"deleted": true}	t
00000013-0000-4000-8000-000000000037	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.818545	{"title": "note 55"}	f
00000013-0000-4000-8000-000000000038	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.820304	{"title": "edited"}	f
00000013-0000-4000-8000-000000000039	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.820497	{"deleted": true}	t
00000014-0000-4000-8000-00000000003a	/buckets/blog/collections/articles	record	2026-12-06 16:42:10.142909	{"title": "note 58"}	f
00000014-0000-4000-8000-00000000003b	/buckets/blog/collections/articles	record	2026-12-06 16:42:10.144635	{"title": "edited"}	f
00000014-0000-4000-8000-00000000003c	/buckets/blog/collections/articles	record	2026-12-06 16:42:10.144858	{"deleted": true}	t
00000015-0000-4000-8000-00000000003d	/buckets/blog/collections/articles	record	2026-12-06 16:42:10.513575	{"title": "note 61"}	f
00000015-0000-4000-8000-00000000003e	/buckets/blog/collections/articles	record	2026-12-06 16:42:10.5152	{"title": "edited"}	f
00000015-0000-4000-8000-00000000003f	/buckets/blog/collections/articles	record	2026-12-06 16:42:10.515324	{"deleted": true}	t
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.timestamps (parent_id, resource_name, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-12-06 16:42:08.874004
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
-- Name: objects records_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.objects
    ADD CONSTRAINT records_pkey PRIMARY KEY (id, parent_id, resource_name);


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
-- Name: idx_objects_last_modified_epoch; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_objects_last_modified_epoch ON public.objects USING btree (public.as_epoch(last_modified));


--
-- Name: idx_objects_parent_id_resource_name_last_modified; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX idx_objects_parent_id_resource_name_last_modified ON public.objects USING btree (parent_id, resource_name, last_modified DESC);


--
-- Name: deleted tgr_deleted_last_modified; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tgr_deleted_last_modified BEFORE INSERT ON public.deleted FOR EACH ROW EXECUTE FUNCTION public.bump_timestamp();


--
-- Name: objects tgr_objects_last_modified; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tgr_objects_last_modified BEFORE INSERT OR UPDATE OF data ON public.objects FOR EACH ROW EXECUTE FUNCTION public.bump_timestamp();


--
-- PostgreSQL database dump complete
--

\unrestrict ksdcorpus0restrict0key

