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
-- Name: keep_deleted_document(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.keep_deleted_document() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO public.deleted (id, source_table, payload)
    VALUES (OLD.id, 'documents', to_jsonb(OLD));
    RETURN OLD;
END;
$$;


ALTER FUNCTION public.keep_deleted_document() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: deleted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.deleted (
    id bigint NOT NULL,
    source_table text NOT NULL,
    deleted_by bigint,
    deleted_at timestamp with time zone DEFAULT now() NOT NULL,
    payload jsonb NOT NULL
);


ALTER TABLE public.deleted OWNER TO postgres;

--
-- Name: documents; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.documents (
    id bigint NOT NULL,
    owner_id bigint NOT NULL,
    title text NOT NULL,
    body text,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.documents OWNER TO postgres;

--
-- Name: documents_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.documents ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.documents_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: metadata; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.metadata (
    name text NOT NULL,
    value text
);


ALTER TABLE public.metadata OWNER TO postgres;

--
-- Data for Name: deleted; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.deleted (id, source_table, deleted_by, deleted_at, payload) FROM stdin;
2	documents	\N	2026-12-06 20:25:19.133455+00	{"id": 2, "body": "To be thrown away.", "title": "Draft", "owner_id": 7, "updated_at": "2026-12-06T20:25:19.133455+00:00"}
\.


--
-- Data for Name: documents; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.documents (id, owner_id, title, body, updated_at) FROM stdin;
1	7	Minutes	Agreed on the budget.	2026-12-06 20:25:19.133455+00
3	9	Plan	Ship in May.	2026-12-06 20:25:19.133455+00
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
retention_days	30
app_version	4.2.0
\.


--
-- Name: documents_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.documents_id_seq', 3, true);


--
-- Name: deleted deleted_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.deleted
    ADD CONSTRAINT deleted_pkey PRIMARY KEY (id);


--
-- Name: documents documents_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.documents
    ADD CONSTRAINT documents_pkey PRIMARY KEY (id);


--
-- Name: metadata metadata_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.metadata
    ADD CONSTRAINT metadata_pkey PRIMARY KEY (name);


--
-- Name: deleted_deleted_at; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX deleted_deleted_at ON public.deleted USING btree (deleted_at);


--
-- Name: documents documents_keep_deleted; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER documents_keep_deleted AFTER DELETE ON public.documents FOR EACH ROW EXECUTE FUNCTION public.keep_deleted_document();


--
-- PostgreSQL database dump complete
--

\unrestrict ksdcorpus0restrict0key

