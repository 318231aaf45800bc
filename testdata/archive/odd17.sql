--
-- PostgreSQL database dump
--

\restrict RBRSbGuit8Aq6APtYeItcKUDyK2qqpjvsfCLvwybvterII9llXuteMH2xWqrqoO

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 17.12 (Debian 17.12-0+deb13u1)

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
-- Name: my schema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "my schema";


ALTER SCHEMA "my schema" OWNER TO postgres;

--
-- Name: SCHEMA "my schema"; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON SCHEMA "my schema" IS 'a comment';


--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA "my schema";


--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: two lines; Type: TABLE; Schema: my schema; Owner: postgres
--

CREATE TABLE "my schema"."two
lines" (
    n integer NOT NULL,
    "tab	name" text
);


ALTER TABLE "my schema"."two
lines" OWNER TO postgres;

--
-- Name: two lines_n_seq; Type: SEQUENCE; Schema: my schema; Owner: postgres
--

CREATE SEQUENCE "my schema"."two
lines_n_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE "my schema"."two
lines_n_seq" OWNER TO postgres;

--
-- Name: two lines_n_seq; Type: SEQUENCE OWNED BY; Schema: my schema; Owner: postgres
--

ALTER SEQUENCE "my schema"."two
lines_n_seq" OWNED BY "my schema"."two
lines".n;


--
-- Name: v; Type: VIEW; Schema: my schema; Owner: postgres
--

CREATE VIEW "my schema".v AS
 SELECT "two
lines".n
   FROM "my schema"."two
lines";


ALTER VIEW "my schema".v OWNER TO postgres;

--
-- Name: metadata; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.metadata (
    name text,
    value text
);


ALTER TABLE public.metadata OWNER TO postgres;

--
-- Name: two lines n; Type: DEFAULT; Schema: my schema; Owner: postgres
--

ALTER TABLE ONLY "my schema"."two
lines" ALTER COLUMN n SET DEFAULT nextval('"my schema"."two
lines_n_seq"'::regclass);


--
-- Data for Name: two lines; Type: TABLE DATA; Schema: my schema; Owner: postgres
--

COPY "my schema"."two
lines" (n, "tab	name") FROM stdin;
1	x
2	\N
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
storage_schema_version	2
\.


--
-- Name: two lines_n_seq; Type: SEQUENCE SET; Schema: my schema; Owner: postgres
--

SELECT pg_catalog.setval('"my schema"."two
lines_n_seq"', 2, true);


--
-- Name: 16462; Type: BLOB METADATA; Schema: -; Owner: postgres
--

SELECT pg_catalog.lo_create('16462');

ALTER LARGE OBJECT 16462 OWNER TO postgres;

--
-- Data for Name: 16462; Type: BLOBS; Schema: -; Owner: postgres
--

BEGIN;

SELECT pg_catalog.lo_open('16462', 131072);
SELECT pg_catalog.lowrite(0, '\x61206c61726765206f626a656374');
SELECT pg_catalog.lo_close(0);

COMMIT;

--
-- Name: two lines two lines_pkey; Type: CONSTRAINT; Schema: my schema; Owner: postgres
--

ALTER TABLE ONLY "my schema"."two
lines"
    ADD CONSTRAINT "two
lines_pkey" PRIMARY KEY (n);


--
-- Name: TABLE v; Type: ACL; Schema: my schema; Owner: postgres
--

GRANT SELECT ON TABLE "my schema".v TO reader;


--
-- PostgreSQL database dump complete
--

\unrestrict RBRSbGuit8Aq6APtYeItcKUDyK2qqpjvsfCLvwybvterII9llXuteMH2xWqrqoO

