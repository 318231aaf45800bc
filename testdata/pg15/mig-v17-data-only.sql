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
00000001-0000-4000-8000-000000000003	/buckets/blog/collections/articles	record	2026-11-25 12:47:43.821594
00000002-0000-4000-8000-000000000006	/buckets/blog/collections/articles	record	2026-11-25 12:47:44.311317
00000003-0000-4000-8000-000000000009	/buckets/blog/collections/articles	record	2026-11-25 12:47:44.72436
00000004-0000-4000-8000-00000000000c	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.16126
00000005-0000-4000-8000-00000000000f	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.359869
00000006-0000-4000-8000-000000000012	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.666276
00000007-0000-4000-8000-000000000015	/buckets/blog/collections/articles	record	2026-11-25 12:47:46.020405
00000008-0000-4000-8000-000000000018	/buckets/blog/collections/articles	record	2026-11-25 12:47:46.433365
00000009-0000-4000-8000-00000000001b	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.079889
0000000a-0000-4000-8000-00000000001e	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.715179
0000000b-0000-4000-8000-000000000021	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.996551
0000000c-0000-4000-8000-000000000024	/buckets/blog/collections/articles	record	2026-11-25 12:47:48.275743
0000000d-0000-4000-8000-000000000027	/buckets/blog/collections/articles	record	2026-11-25 12:47:48.68885
0000000e-0000-4000-8000-00000000002a	/buckets/blog/collections/articles	record	2026-11-25 12:47:49.171114
0000000f-0000-4000-8000-00000000002d	/buckets/blog/collections/articles	record	2026-11-25 12:47:49.639675
00000010-0000-4000-8000-000000000030	/buckets/blog/collections/articles	record	2026-11-25 12:47:50.119096
00000011-0000-4000-8000-000000000033	/buckets/blog/collections/articles	record	2026-11-25 12:47:50.585279
\.


--
-- Data for Name: metadata; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.metadata (name, value) FROM stdin;
created_at	2026-11-25 12:47:43.768731+00
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
00000001-0000-4000-8000-000000000001	/buckets/blog/collections/articles	record	2026-11-25 12:47:43.818594	{"title": "note 1"}
00000001-0000-4000-8000-000000000002	/buckets/blog/collections/articles	record	2026-11-25 12:47:43.820594	{"title": "edited"}
00000001-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-11-25 12:47:43.871242	{"title": "back again"}
00000002-0000-4000-8000-000000000004	/buckets/blog/collections/articles	record	2026-11-25 12:47:44.308317	{"title": "note 4"}
00000002-0000-4000-8000-000000000005	/buckets/blog/collections/articles	record	2026-11-25 12:47:44.310317	{"title": "edited"}
00000003-0000-4000-8000-000000000007	/buckets/blog/collections/articles	record	2026-11-25 12:47:44.72136	{"title": "note 7"}
00000003-0000-4000-8000-000000000008	/buckets/blog/collections/articles	record	2026-11-25 12:47:44.72336	{"title": "edited"}
00000004-0000-4000-8000-00000000000a	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.15826	{"title": "note 10"}
00000004-0000-4000-8000-00000000000b	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.16026	{"title": "edited"}
00000005-0000-4000-8000-00000000000d	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.356869	{"title": "note 13"}
00000005-0000-4000-8000-00000000000e	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.358869	{"title": "edited"}
00000006-0000-4000-8000-000000000010	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.663276	{"title": "note 16"}
00000006-0000-4000-8000-000000000011	/buckets/blog/collections/articles	record	2026-11-25 12:47:45.665276	{"title": "edited"}
00000007-0000-4000-8000-000000000013	/buckets/blog/collections/articles	record	2026-11-25 12:47:46.017405	{"title": "note 19"}
00000007-0000-4000-8000-000000000014	/buckets/blog/collections/articles	record	2026-11-25 12:47:46.019405	{"title": "edited"}
00000008-0000-4000-8000-000000000016	/buckets/blog/collections/articles	record	2026-11-25 12:47:46.429583	{"title": "note 22"}
00000008-0000-4000-8000-000000000017	/buckets/blog/collections/articles	record	2026-11-25 12:47:46.432628	{"title": "edited"}
00000009-0000-4000-8000-000000000019	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.076667	{"title": "note 25"}
00000009-0000-4000-8000-00000000001a	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.079097	{"title": "edited"}
0000000a-0000-4000-8000-00000000001c	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.708736	{"title": "note 28"}
0000000a-0000-4000-8000-00000000001d	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.71451	{"title": "edited"}
0000000b-0000-4000-8000-00000000001f	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.994501	{"title": "note 31"}
0000000b-0000-4000-8000-000000000020	/buckets/blog/collections/articles	record	2026-11-25 12:47:47.995966	{"title": "edited"}
0000000c-0000-4000-8000-000000000022	/buckets/blog/collections/articles	record	2026-11-25 12:47:48.273061	{"title": "note 34"}
0000000c-0000-4000-8000-000000000023	/buckets/blog/collections/articles	record	2026-11-25 12:47:48.275056	{"title": "edited"}
0000000d-0000-4000-8000-000000000025	/buckets/blog/collections/articles	record	2026-11-25 12:47:48.686722	{"title": "note 37"}
0000000d-0000-4000-8000-000000000026	/buckets/blog/collections/articles	record	2026-11-25 12:47:48.688189	{"title": "edited"}
0000000e-0000-4000-8000-000000000028	/buckets/blog/collections/articles	record	2026-11-25 12:47:49.164693	{"title": "note 40"}
0000000e-0000-4000-8000-000000000029	/buckets/blog/collections/articles	record	2026-11-25 12:47:49.170447	{"title": "edited"}
0000000f-0000-4000-8000-00000000002b	/buckets/blog/collections/articles	record	2026-11-25 12:47:49.636622	{"title": "note 43"}
0000000f-0000-4000-8000-00000000002c	/buckets/blog/collections/articles	record	2026-11-25 12:47:49.638706	{"title": "edited"}
00000010-0000-4000-8000-00000000002e	/buckets/blog/collections/articles	record	2026-11-25 12:47:50.112769	{"title": "note 46"}
00000010-0000-4000-8000-00000000002f	/buckets/blog/collections/articles	record	2026-11-25 12:47:50.118372	{"title": "edited"}
00000011-0000-4000-8000-000000000031	/buckets/blog/collections/articles	record	2026-11-25 12:47:50.583357	{"title": "note 49"}
00000011-0000-4000-8000-000000000032	/buckets/blog/collections/articles	record	2026-11-25 12:47:50.584676	{"title": "edited"}
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.timestamps (parent_id, collection_id, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-11-25 12:47:50.119096
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

