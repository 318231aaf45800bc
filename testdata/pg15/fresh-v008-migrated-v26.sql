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
00000008-0000-4000-8000-0000000000cf	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.231716
00000009-0000-4000-8000-0000000000d2	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.420928
0000000a-0000-4000-8000-0000000000d5	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.603785
0000000b-0000-4000-8000-0000000000d8	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.780584
0000000c-0000-4000-8000-0000000000db	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.969721
0000000d-0000-4000-8000-0000000000de	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.153367
0000000e-0000-4000-8000-0000000000e1	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.339497
0000000f-0000-4000-8000-0000000000e4	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.515449
00000010-0000-4000-8000-0000000000e7	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.690323
00000011-0000-4000-8000-0000000000ea	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.876085
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
created_at	2026-12-06 16:43:25.107987+00
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
-- Data for Name: objects; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.objects (id, parent_id, resource_name, last_modified, data, deleted) FROM stdin;
00000012-0000-4000-8000-0000000000ec	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.074762	{"title": "edited"}	f
00000012-0000-4000-8000-0000000000ed	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.075073	{"deleted": true}	t
00000013-0000-4000-8000-0000000000ee	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.260733	{"title": "note 238"}	f
00000008-0000-4000-8000-0000000000cd	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.229308	{"title": "note 205"}	f
00000008-0000-4000-8000-0000000000ce	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.231412	{"title": "edited"}	f
00000009-0000-4000-8000-0000000000d0	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.41188	{"title": "note 208"}	f
00000009-0000-4000-8000-0000000000d1	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.41997	{"title": "edited"}	f
0000000a-0000-4000-8000-0000000000d3	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.600946	{"title": "note 211"}	f
0000000a-0000-4000-8000-0000000000d4	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.602964	{"title": "edited"}	f
0000000b-0000-4000-8000-0000000000d6	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.777345	{"title": "note 214"}	f
0000000b-0000-4000-8000-0000000000d7	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.779661	{"title": "edited"}	f
0000000c-0000-4000-8000-0000000000d9	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.966696	{"title": "note 217"}	f
0000000c-0000-4000-8000-0000000000da	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.968749	{"title": "edited"}	f
0000000d-0000-4000-8000-0000000000dc	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.150438	{"title": "note 220"}	f
0000000d-0000-4000-8000-0000000000dd	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.152818	{"title": "edited"}	f
0000000e-0000-4000-8000-0000000000df	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.336606	{"title": "note 223"}	f
0000000e-0000-4000-8000-0000000000e0	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.338998	{"title": "edited"}	f
0000000f-0000-4000-8000-0000000000e2	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.512965	{"title": "note 226"}	f
0000000f-0000-4000-8000-0000000000e3	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.515014	{"title": "edited"}	f
00000010-0000-4000-8000-0000000000e5	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.687387	{"title": "note 229"}	f
00000010-0000-4000-8000-0000000000e6	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.689831	{"title": "edited"}	f
00000011-0000-4000-8000-0000000000e8	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.873063	{"title": "note 232"}	f
00000011-0000-4000-8000-0000000000e9	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.875609	{"title": "edited"}	f
00000008-0000-4000-8000-0000000000cf	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.231716	{"deleted": true}	t
00000009-0000-4000-8000-0000000000d2	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.420928	{"deleted": true}	t
0000000a-0000-4000-8000-0000000000d5	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.603785	{"deleted": true}	t
0000000b-0000-4000-8000-0000000000d8	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.780584	{"deleted": true}	t
0000000c-0000-4000-8000-0000000000db	/buckets/blog/collections/articles	record	2026-12-06 16:43:25.969721	{"deleted": true}	t
0000000d-0000-4000-8000-0000000000de	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.153367	{"deleted": true}	t
0000000e-0000-4000-8000-0000000000e1	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.339497	{"deleted": true}	t
0000000f-0000-4000-8000-0000000000e4	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.515449	{"deleted": true}	t
00000010-0000-4000-8000-0000000000e7	/buckets/blog/collections/articles	record	2026-12-06 16:43:26.690323	{"deleted": true}	t
00000011-0000-4000-8000-0000000000ea	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.006042	{"deleted": true}	t
00000012-0000-4000-8000-0000000000eb	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.072623	{"title": "note 235"}	f
00000013-0000-4000-8000-0000000000ef	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.262515	{"title": "edited"}	f
00000013-0000-4000-8000-0000000000f0	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.262691	{"deleted": true}	t
00000014-0000-4000-8000-0000000000f1	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.436438	{"title": "note 241"}	f
00000014-0000-4000-8000-0000000000f2	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.438176	{"title": "edited"}	f
00000014-0000-4000-8000-0000000000f3	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.438362	{"deleted": true}	t
00000015-0000-4000-8000-0000000000f4	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.663766	{"title": "note 244"}	f
00000015-0000-4000-8000-0000000000f5	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.665373	{"title": "edited"}	f
00000015-0000-4000-8000-0000000000f6	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.66548	{"deleted": true}	t
00000016-0000-4000-8000-0000000000f7	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.852	{"title": "note 247"}	f
00000016-0000-4000-8000-0000000000f8	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.854	{"title": "edited"}	f
00000016-0000-4000-8000-0000000000f9	/buckets/blog/collections/articles	record	2026-12-06 16:43:27.855	{"deleted": true}	t
00000017-0000-4000-8000-0000000000fa	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.034	{"title": "note 250"}	f
00000017-0000-4000-8000-0000000000fb	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.036	{"title": "edited"}	f
00000017-0000-4000-8000-0000000000fc	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.037	{"deleted": true}	t
00000018-0000-4000-8000-0000000000fd	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.221	{"title": "note 253"}	f
00000018-0000-4000-8000-0000000000fe	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.223	{"title": "edited"}	f
00000018-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.224	{"deleted": true}	t
00000019-0000-4000-8000-000000000100	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.4	{"title": "note 256"}	f
00000019-0000-4000-8000-000000000101	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.402	{"title": "edited"}	f
00000019-0000-4000-8000-000000000102	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.403	{"deleted": true}	t
0000001a-0000-4000-8000-000000000103	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.58	{"title": "note 259"}	f
0000001a-0000-4000-8000-000000000104	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.582	{"title": "edited"}	f
0000001a-0000-4000-8000-000000000105	/buckets/blog/collections/articles	record	2026-12-06 16:43:28.583	{"deleted": true}	t
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.timestamps (parent_id, resource_name, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-12-06 16:43:26.690323
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

