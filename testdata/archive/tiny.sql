--
-- PostgreSQL database dump
--

\restrict c0N4bVlLKKk3oPBQgurbbee9COwOEu3jWd4ZaQApouqdERVb68VeTtmRaZScmqo

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
-- Name: touch(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.last_modified := now();
    RETURN NEW;
END;
$$;


ALTER FUNCTION public.touch() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

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
    last_modified timestamp without time zone DEFAULT now() NOT NULL,
    data jsonb DEFAULT '{}'::jsonb NOT NULL
);


ALTER TABLE public.records OWNER TO postgres;

--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
storage_schema_version	14
permission_schema_version	1
note	tab\there, newline\nthere
\.


--
-- Data for Name: records; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.records (id, parent_id, last_modified, data) FROM stdin;
r1	/buckets/b	2026-11-25 12:47:14.083759	{"n": 1}
r2	/buckets/b	2026-11-25 12:47:14.083759	{"n": 2}
r3	/buckets/b	2026-11-25 12:47:14.083759	{"n": 3}
r4	/buckets/b	2026-11-25 12:47:14.083759	{"n": 4}
r5	/buckets/b	2026-11-25 12:47:14.083759	{"n": 5}
r6	/buckets/b	2026-11-25 12:47:14.083759	{"n": 6}
r7	/buckets/b	2026-11-25 12:47:14.083759	{"n": 7}
r8	/buckets/b	2026-11-25 12:47:14.083759	{"n": 8}
r9	/buckets/b	2026-11-25 12:47:14.083759	{"n": 9}
r10	/buckets/b	2026-11-25 12:47:14.083759	{"n": 10}
r11	/buckets/b	2026-11-25 12:47:14.083759	{"n": 11}
r12	/buckets/b	2026-11-25 12:47:14.083759	{"n": 12}
r13	/buckets/b	2026-11-25 12:47:14.083759	{"n": 13}
r14	/buckets/b	2026-11-25 12:47:14.083759	{"n": 14}
r15	/buckets/b	2026-11-25 12:47:14.083759	{"n": 15}
r16	/buckets/b	2026-11-25 12:47:14.083759	{"n": 16}
r17	/buckets/b	2026-11-25 12:47:14.083759	{"n": 17}
r18	/buckets/b	2026-11-25 12:47:14.083759	{"n": 18}
r19	/buckets/b	2026-11-25 12:47:14.083759	{"n": 19}
r20	/buckets/b	2026-11-25 12:47:14.083759	{"n": 20}
r21	/buckets/b	2026-11-25 12:47:14.083759	{"n": 21}
r22	/buckets/b	2026-11-25 12:47:14.083759	{"n": 22}
r23	/buckets/b	2026-11-25 12:47:14.083759	{"n": 23}
r24	/buckets/b	2026-11-25 12:47:14.083759	{"n": 24}
r25	/buckets/b	2026-11-25 12:47:14.083759	{"n": 25}
r26	/buckets/b	2026-11-25 12:47:14.083759	{"n": 26}
r27	/buckets/b	2026-11-25 12:47:14.083759	{"n": 27}
r28	/buckets/b	2026-11-25 12:47:14.083759	{"n": 28}
r29	/buckets/b	2026-11-25 12:47:14.083759	{"n": 29}
r30	/buckets/b	2026-11-25 12:47:14.083759	{"n": 30}
r31	/buckets/b	2026-11-25 12:47:14.083759	{"n": 31}
r32	/buckets/b	2026-11-25 12:47:14.083759	{"n": 32}
r33	/buckets/b	2026-11-25 12:47:14.083759	{"n": 33}
r34	/buckets/b	2026-11-25 12:47:14.083759	{"n": 34}
r35	/buckets/b	2026-11-25 12:47:14.083759	{"n": 35}
r36	/buckets/b	2026-11-25 12:47:14.083759	{"n": 36}
r37	/buckets/b	2026-11-25 12:47:14.083759	{"n": 37}
r38	/buckets/b	2026-11-25 12:47:14.083759	{"n": 38}
r39	/buckets/b	2026-11-25 12:47:14.083759	{"n": 39}
r40	/buckets/b	2026-11-25 12:47:14.083759	{"n": 40}
\.


--
-- Name: metadata metadata_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.metadata
    ADD CONSTRAINT metadata_pkey PRIMARY KEY (name);


--
-- Name: records records_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.records
    ADD CONSTRAINT records_pkey PRIMARY KEY (id, parent_id);


--
-- Name: idx_records_last_modified; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX idx_records_last_modified ON public.records USING btree (last_modified);


--
-- Name: records tgr_records_touch; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER tgr_records_touch BEFORE INSERT OR UPDATE ON public.records FOR EACH ROW EXECUTE FUNCTION public.touch();


--
-- PostgreSQL database dump complete
--

\unrestrict c0N4bVlLKKk3oPBQgurbbee9COwOEu3jWd4ZaQApouqdERVb68VeTtmRaZScmqo

