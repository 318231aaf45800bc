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
\.


--
-- Data for Name: records; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.records (id, parent_id, collection_id, last_modified, data) FROM stdin;
00000001-0000-4000-8000-000000000001	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.134515	{"title": "note 1"}
00000001-0000-4000-8000-000000000002	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.136515	{"title": "edited"}
00000001-0000-4000-8000-0000000000ff	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.214225	{"title": "back again"}
00000002-0000-4000-8000-000000000004	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.493065	{"title": "note 4"}
00000002-0000-4000-8000-000000000005	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.495065	{"title": "edited"}
00000003-0000-4000-8000-000000000007	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.831134	{"title": "note 7"}
00000003-0000-4000-8000-000000000008	/buckets/blog/collections/articles	record	2026-12-06 16:42:04.833134	{"title": "edited"}
00000004-0000-4000-8000-00000000000a	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.126238	{"title": "note 10"}
00000004-0000-4000-8000-00000000000b	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.128238	{"title": "edited"}
00000005-0000-4000-8000-00000000000d	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.405613	{"title": "note 13"}
00000005-0000-4000-8000-00000000000e	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.407613	{"title": "edited"}
00000006-0000-4000-8000-000000000010	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.696976	{"title": "note 16"}
00000006-0000-4000-8000-000000000011	/buckets/blog/collections/articles	record	2026-12-06 16:42:05.698976	{"title": "edited"}
00000007-0000-4000-8000-000000000013	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.034338	{"title": "note 19"}
00000007-0000-4000-8000-000000000014	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.036338	{"title": "edited"}
00000008-0000-4000-8000-000000000016	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.362448	{"title": "note 22"}
00000008-0000-4000-8000-000000000017	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.367492	{"title": "edited"}
00000009-0000-4000-8000-000000000019	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.679431	{"title": "note 25"}
00000009-0000-4000-8000-00000000001a	/buckets/blog/collections/articles	record	2026-12-06 16:42:06.684511	{"title": "edited"}
0000000a-0000-4000-8000-00000000001c	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.003705	{"title": "note 28"}
0000000a-0000-4000-8000-00000000001d	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.005929	{"title": "edited"}
0000000b-0000-4000-8000-00000000001f	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.335434	{"title": "note 31"}
0000000b-0000-4000-8000-000000000020	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.337403	{"title": "edited"}
0000000c-0000-4000-8000-000000000022	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.646738	{"title": "note 34"}
0000000c-0000-4000-8000-000000000023	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.648911	{"title": "edited"}
0000000d-0000-4000-8000-000000000025	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.953844	{"title": "note 37"}
0000000d-0000-4000-8000-000000000026	/buckets/blog/collections/articles	record	2026-12-06 16:42:07.956251	{"title": "edited"}
0000000e-0000-4000-8000-000000000028	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.260708	{"title": "note 40"}
0000000e-0000-4000-8000-000000000029	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.262928	{"title": "edited"}
0000000f-0000-4000-8000-00000000002b	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.572186	{"title": "note 43"}
0000000f-0000-4000-8000-00000000002c	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.574056	{"title": "edited"}
00000010-0000-4000-8000-00000000002e	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.871316	{"title": "note 46"}
00000010-0000-4000-8000-00000000002f	/buckets/blog/collections/articles	record	2026-12-06 16:42:08.873521	{"title": "edited"}
00000011-0000-4000-8000-000000000031	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.17338	{"title": "note 49"}
00000011-0000-4000-8000-000000000032	/buckets/blog/collections/articles	record	2026-12-06 16:42:09.175117	{"title": "edited"}
\.


--
-- Data for Name: timestamps; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.timestamps (parent_id, collection_id, last_modified) FROM stdin;
/buckets/blog/collections/articles	record	2026-12-06 16:42:08.874004
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

