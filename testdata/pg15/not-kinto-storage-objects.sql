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
-- Name: app; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA app;


ALTER SCHEMA app OWNER TO postgres;

--
-- Name: storage; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA storage;


ALTER SCHEMA storage OWNER TO postgres;

--
-- Name: extension(text); Type: FUNCTION; Schema: storage; Owner: postgres
--

CREATE FUNCTION storage.extension(name text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE WHEN position('.' IN name) = 0 THEN ''
                ELSE regexp_replace(name, '^.*\.', '') END
$$;


ALTER FUNCTION storage.extension(name text) OWNER TO postgres;

--
-- Name: touch_updated_at(); Type: FUNCTION; Schema: storage; Owner: postgres
--

CREATE FUNCTION storage.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;


ALTER FUNCTION storage.touch_updated_at() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: profiles; Type: TABLE; Schema: app; Owner: postgres
--

CREATE TABLE app.profiles (
    id uuid NOT NULL,
    display_name text NOT NULL,
    avatar_object uuid
);


ALTER TABLE app.profiles OWNER TO postgres;

--
-- Name: buckets; Type: TABLE; Schema: storage; Owner: postgres
--

CREATE TABLE storage.buckets (
    id text NOT NULL,
    name text NOT NULL,
    owner uuid,
    public boolean DEFAULT false NOT NULL,
    file_size_limit bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE storage.buckets OWNER TO postgres;

--
-- Name: migrations; Type: TABLE; Schema: storage; Owner: postgres
--

CREATE TABLE storage.migrations (
    id integer NOT NULL,
    name text NOT NULL,
    hash text NOT NULL,
    executed_at timestamp without time zone DEFAULT CURRENT_TIMESTAMP
);


ALTER TABLE storage.migrations OWNER TO postgres;

--
-- Name: objects; Type: TABLE; Schema: storage; Owner: postgres
--

CREATE TABLE storage.objects (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    bucket_id text NOT NULL,
    name text NOT NULL,
    owner uuid,
    metadata jsonb,
    path_tokens text[],
    version text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_accessed_at timestamp with time zone
);


ALTER TABLE storage.objects OWNER TO postgres;

--
-- Data for Name: profiles; Type: TABLE DATA; Schema: app; Owner: postgres
--

COPY app.profiles (id, display_name, avatar_object) FROM stdin;
0d4c4a52-1f2c-4a51-9d6b-1e35f3a3b001	Ada	6f9619ff-8b86-4011-b42d-00c04fc964ff
\.


--
-- Data for Name: buckets; Type: TABLE DATA; Schema: storage; Owner: postgres
--

COPY storage.buckets (id, name, owner, public, file_size_limit, created_at, updated_at) FROM stdin;
avatars	avatars	\N	t	\N	2026-12-06 20:42:09.300299+00	2026-12-06 20:42:09.300299+00
invoices	invoices	\N	f	\N	2026-12-06 20:42:09.300299+00	2026-12-06 20:42:09.300299+00
\.


--
-- Data for Name: migrations; Type: TABLE DATA; Schema: storage; Owner: postgres
--

COPY storage.migrations (id, name, hash, executed_at) FROM stdin;
0	create-migrations-table	a1f3	2026-01-05 10:00:00
1	initial-setup	9bd2	2026-01-05 10:00:01
2	add-last-accessed-at	77c0	2026-03-12 08:30:00
\.


--
-- Data for Name: objects; Type: TABLE DATA; Schema: storage; Owner: postgres
--

COPY storage.objects (id, bucket_id, name, owner, metadata, path_tokens, version, created_at, updated_at, last_accessed_at) FROM stdin;
6f9619ff-8b86-4011-b42d-00c04fc964ff	avatars	u/ada.png	0d4c4a52-1f2c-4a51-9d6b-1e35f3a3b001	{"size": 20411, "mimetype": "image/png"}	{u,ada.png}	\N	2026-12-06 20:42:09.300299+00	2026-12-06 20:42:09.300299+00	\N
7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d	invoices	2026/03/inv-0042.pdf	0d4c4a52-1f2c-4a51-9d6b-1e35f3a3b001	{"size": 88120, "mimetype": "application/pdf"}	{2026,03,inv-0042.pdf}	\N	2026-12-06 20:42:09.300299+00	2026-12-06 20:42:09.300299+00	\N
\.


--
-- Name: profiles profiles_pkey; Type: CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.profiles
    ADD CONSTRAINT profiles_pkey PRIMARY KEY (id);


--
-- Name: buckets buckets_name_key; Type: CONSTRAINT; Schema: storage; Owner: postgres
--

ALTER TABLE ONLY storage.buckets
    ADD CONSTRAINT buckets_name_key UNIQUE (name);


--
-- Name: buckets buckets_pkey; Type: CONSTRAINT; Schema: storage; Owner: postgres
--

ALTER TABLE ONLY storage.buckets
    ADD CONSTRAINT buckets_pkey PRIMARY KEY (id);


--
-- Name: migrations migrations_name_key; Type: CONSTRAINT; Schema: storage; Owner: postgres
--

ALTER TABLE ONLY storage.migrations
    ADD CONSTRAINT migrations_name_key UNIQUE (name);


--
-- Name: migrations migrations_pkey; Type: CONSTRAINT; Schema: storage; Owner: postgres
--

ALTER TABLE ONLY storage.migrations
    ADD CONSTRAINT migrations_pkey PRIMARY KEY (id);


--
-- Name: objects objects_pkey; Type: CONSTRAINT; Schema: storage; Owner: postgres
--

ALTER TABLE ONLY storage.objects
    ADD CONSTRAINT objects_pkey PRIMARY KEY (id);


--
-- Name: objects_bucket_name_idx; Type: INDEX; Schema: storage; Owner: postgres
--

CREATE UNIQUE INDEX objects_bucket_name_idx ON storage.objects USING btree (bucket_id, name);


--
-- Name: objects_owner_idx; Type: INDEX; Schema: storage; Owner: postgres
--

CREATE INDEX objects_owner_idx ON storage.objects USING btree (owner);


--
-- Name: objects objects_touch_updated_at; Type: TRIGGER; Schema: storage; Owner: postgres
--

CREATE TRIGGER objects_touch_updated_at BEFORE UPDATE ON storage.objects FOR EACH ROW EXECUTE FUNCTION storage.touch_updated_at();


--
-- Name: profiles profiles_avatar_object_fkey; Type: FK CONSTRAINT; Schema: app; Owner: postgres
--

ALTER TABLE ONLY app.profiles
    ADD CONSTRAINT profiles_avatar_object_fkey FOREIGN KEY (avatar_object) REFERENCES storage.objects(id);


--
-- Name: objects objects_bucket_id_fkey; Type: FK CONSTRAINT; Schema: storage; Owner: postgres
--

ALTER TABLE ONLY storage.objects
    ADD CONSTRAINT objects_bucket_id_fkey FOREIGN KEY (bucket_id) REFERENCES storage.buckets(id);


--
-- PostgreSQL database dump complete
--

\unrestrict ksdcorpus0restrict0key

