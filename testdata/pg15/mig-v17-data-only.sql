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
00000001-0000-4000-8000-000000000003	/buckets/blog/collections/articles	record	2026-11-25 12:39:54.902923
00000002-0000-4000-8000-000000000006	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.148941
00000003-0000-4000-8000-000000000009	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.376494
00000004-0000-4000-8000-00000000000c	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.659397
00000005-0000-4000-8000-00000000000f	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.918669
00000006-0000-4000-8000-000000000012	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.159183
00000007-0000-4000-8000-000000000015	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.789579
00000008-0000-4000-8000-000000000018	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.980726
00000009-0000-4000-8000-00000000001b	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.205653
0000000a-0000-4000-8000-00000000001e	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.468018
0000000b-0000-4000-8000-000000000021	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.748996
0000000c-0000-4000-8000-000000000024	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.053609
0000000d-0000-4000-8000-000000000027	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.307657
0000000e-0000-4000-8000-00000000002a	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.676237
0000000f-0000-4000-8000-00000000002d	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.043371
00000010-0000-4000-8000-000000000030	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.333508
00000011-0000-4000-8000-000000000033	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.58524
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
created_at	2026-11-25 12:39:54.814975+00
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
00000001-0000-4000-8000-000000000001	/buckets/blog/collections/articles	record	2026-11-25 12:39:54.899923	{"title": "note 1"}
00000001-0000-4000-8000-000000000002	/buckets/blog/collections/articles	record	2026-11-25 12:39:54.901923	{"title": "edited"}
00000001-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-11-25 12:39:54.936571	{"title": "back again"}
00000002-0000-4000-8000-000000000004	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.145941	{"title": "note 4"}
00000002-0000-4000-8000-000000000005	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.147941	{"title": "edited"}
00000003-0000-4000-8000-000000000007	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.373494	{"title": "note 7"}
00000003-0000-4000-8000-000000000008	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.375494	{"title": "edited"}
00000004-0000-4000-8000-00000000000a	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.656397	{"title": "note 10"}
00000004-0000-4000-8000-00000000000b	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.658397	{"title": "edited"}
00000005-0000-4000-8000-00000000000d	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.915669	{"title": "note 13"}
00000005-0000-4000-8000-00000000000e	/buckets/blog/collections/articles	record	2026-11-25 12:39:55.917669	{"title": "edited"}
00000006-0000-4000-8000-000000000010	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.156183	{"title": "note 16"}
00000006-0000-4000-8000-000000000011	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.158183	{"title": "edited"}
00000007-0000-4000-8000-000000000013	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.786579	{"title": "note 19"}
00000007-0000-4000-8000-000000000014	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.788579	{"title": "edited"}
00000008-0000-4000-8000-000000000016	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.978121	{"title": "note 22"}
00000008-0000-4000-8000-000000000017	/buckets/blog/collections/articles	record	2026-11-25 12:39:56.980222	{"title": "edited"}
00000009-0000-4000-8000-000000000019	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.199446	{"title": "note 25"}
00000009-0000-4000-8000-00000000001a	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.204955	{"title": "edited"}
0000000a-0000-4000-8000-00000000001c	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.456967	{"title": "note 28"}
0000000a-0000-4000-8000-00000000001d	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.467373	{"title": "edited"}
0000000b-0000-4000-8000-00000000001f	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.74445	{"title": "note 31"}
0000000b-0000-4000-8000-000000000020	/buckets/blog/collections/articles	record	2026-11-25 12:39:57.74835	{"title": "edited"}
0000000c-0000-4000-8000-000000000022	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.049717	{"title": "note 34"}
0000000c-0000-4000-8000-000000000023	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.052879	{"title": "edited"}
0000000d-0000-4000-8000-000000000025	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.300216	{"title": "note 37"}
0000000d-0000-4000-8000-000000000026	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.306947	{"title": "edited"}
0000000e-0000-4000-8000-000000000028	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.673271	{"title": "note 40"}
0000000e-0000-4000-8000-000000000029	/buckets/blog/collections/articles	record	2026-11-25 12:39:58.67561	{"title": "edited"}
0000000f-0000-4000-8000-00000000002b	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.040851	{"title": "note 43"}
0000000f-0000-4000-8000-00000000002c	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.042797	{"title": "edited"}
00000010-0000-4000-8000-00000000002e	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.331383	{"title": "note 46"}
00000010-0000-4000-8000-00000000002f	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.332866	{"title": "edited"}
00000011-0000-4000-8000-000000000031	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.583289	{"title": "note 49"}
00000011-0000-4000-8000-000000000032	/buckets/blog/collections/articles	record	2026-11-25 12:39:59.584618	{"title": "edited"}
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.timestamps (parent_id, collection_id, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-11-25 12:39:59.333508
\.


--
-- Data for Name: user_principals; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.user_principals (user_id, principal) FROM stdin;
account:alice	system.Authenticated
\.


--
-- PostgreSQL database dump complete
--

\unrestrict ksdcorpus0restrict0key

