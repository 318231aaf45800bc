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
-- Name: uuid-ossp; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;


--
-- Name: EXTENSION "uuid-ossp"; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION "uuid-ossp" IS 'generate universally unique identifiers (UUIDs)';


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
    previous := resource_timestamp(NEW.user_id, NEW.resource_name);
    current := localtimestamp;
    IF previous IS NOT NULL AND previous >= current THEN
        current := previous + INTERVAL '1 millisecond';
    END IF;
    NEW.last_modified := current;
    RETURN NEW;
END;
$$;


ALTER FUNCTION public.bump_timestamp() OWNER TO postgres;

--
-- Name: resource_timestamp(character varying, character varying); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.resource_timestamp(uid character varying, resource character varying) RETURNS timestamp without time zone
    LANGUAGE plpgsql
    AS $$
DECLARE
    newest TIMESTAMP;
BEGIN
    SELECT MAX(last_modified) INTO newest
      FROM (SELECT last_modified FROM records
             WHERE user_id = uid AND resource_name = resource
            UNION ALL
            SELECT last_modified FROM deleted
             WHERE user_id = uid AND resource_name = resource) AS changes;
    RETURN newest;
END;
$$;


ALTER FUNCTION public.resource_timestamp(uid character varying, resource character varying) OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: deleted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.deleted (
    id uuid DEFAULT public.uuid_generate_v4(),
    user_id character varying(256) NOT NULL,
    resource_name character varying(256) NOT NULL,
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
    id uuid DEFAULT public.uuid_generate_v4() NOT NULL,
    user_id character varying(256) NOT NULL,
    resource_name character varying(256) NOT NULL,
    last_modified timestamp without time zone NOT NULL,
    data json DEFAULT '{}'::json NOT NULL
);


ALTER TABLE public.records OWNER TO postgres;

--
-- Data for Name: deleted; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.deleted (id, user_id, resource_name, last_modified) FROM stdin;
00000002-0000-4000-8000-000000000054	/buckets/blog/collections/articles	record	2026-12-06 16:42:35.180865
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
\.


--
-- Data for Name: records; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.records (id, user_id, resource_name, last_modified, data) FROM stdin;
00000002-0000-4000-8000-000000000052	/buckets/blog/collections/articles	record	2026-12-06 16:42:35.177865	{"title": "note 82"}
00000002-0000-4000-8000-000000000053	/buckets/blog/collections/articles	record	2026-12-06 16:42:35.179865	{"title": "edited"}
\.


--
-- Name: deleted deleted_id_user_id_resource_name_last_modified_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.deleted
    ADD CONSTRAINT deleted_id_user_id_resource_name_last_modified_key UNIQUE (id, user_id, resource_name, last_modified);


--
-- Name: records records_id_user_id_resource_name_last_modified_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.records
    ADD CONSTRAINT records_id_user_id_resource_name_last_modified_key UNIQUE (id, user_id, resource_name, last_modified);


--
-- Name: idx_deleted_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE UNIQUE INDEX idx_deleted_id ON public.deleted USING btree (id);


--
-- Name: idx_deleted_last_modified; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_deleted_last_modified ON public.deleted USING btree (last_modified);


--
-- Name: idx_deleted_last_modified_epoch; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_deleted_last_modified_epoch ON public.deleted USING btree (public.as_epoch(last_modified));


--
-- Name: idx_deleted_resource_name; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_deleted_resource_name ON public.deleted USING btree (resource_name);


--
-- Name: idx_deleted_user_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_deleted_user_id ON public.deleted USING btree (user_id);


--
-- Name: idx_records_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_records_id ON public.records USING btree (id);


--
-- Name: idx_records_last_modified; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_records_last_modified ON public.records USING btree (last_modified);


--
-- Name: idx_records_last_modified_epoch; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_records_last_modified_epoch ON public.records USING btree (public.as_epoch(last_modified));


--
-- Name: idx_records_resource_name; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_records_resource_name ON public.records USING btree (resource_name);


--
-- Name: idx_records_user_id; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_records_user_id ON public.records USING btree (user_id);


--
-- Name: deleted tgr_deleted_last_modified; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tgr_deleted_last_modified BEFORE INSERT OR UPDATE ON public.deleted FOR EACH ROW EXECUTE FUNCTION public.bump_timestamp();


--
-- Name: records tgr_records_last_modified; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tgr_records_last_modified BEFORE INSERT OR UPDATE ON public.records FOR EACH ROW EXECUTE FUNCTION public.bump_timestamp();


--
-- PostgreSQL database dump complete
--

\unrestrict ksdcorpus0restrict0key

