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
    parent_id text NOT NULL,
    resource_name text NOT NULL,
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
storage_schema_version	21
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
00000013-0000-4000-8000-000000000180	/buckets/blog/collections/articles	record	2026-12-06 16:44:15.145822	{"title": "note 384"}	f
00000013-0000-4000-8000-000000000181	/buckets/blog/collections/articles	record	2026-12-06 16:44:15.148546	{"title": "edited"}	f
00000013-0000-4000-8000-000000000182	/buckets/blog/collections/articles	record	2026-12-06 16:44:15.14875	{"deleted": true}	t
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

