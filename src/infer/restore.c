/* Restore readiness (see restore.h). The facts are tables: the first
 * releases whose pg_restore reads each archive version (K_VERS_1_x of
 * pg_backup_archiver.h, and the release notes of the minor releases that
 * received 1.13), the psql releases that know \restrict, what the
 * releases checked by testdata/restore-check did with re-packed tars, and
 * the servers that take the SQL (functions it calls, a setting 19 refuses). */
#include <stdio.h>
#include <string.h>

#include "infer/restore.h"

/* Archive 1.13 came with the search_path fix of 2018-03-01, in these minor
 * releases and in 11.0. */
static const int archive_113[] = {90322, 90417, 90512, 90608, 100003, 110000, 0};

static const struct archive_reader {
	int vmin;
	int first;           /* the first release that reads it */
	const int *releases; /* or the first of each major, when minors differ */
} archive_readers[] = {
    {10, 80000, NULL},        /* tablespaces */
    {11, 80400, NULL},        /* TOC sections */
    {12, 90000, NULL},        /* separate BLOB entries */
    {13, 90300, archive_113}, /* search_path behaviour */
    {14, 120000, NULL},       /* table access methods */
    {15, 160000, NULL},       /* compression algorithm in the header */
    {16, 170000, NULL},       /* BLOB METADATA entries, relkind */
};

/* The first pg_restore that reads archive data compressed so (built with
 * the library); gzip and none are read by every release. */
static const int compression_readers[KSD_COMPRESSION_COUNT] = {
    [KSD_COMPRESSION_LZ4] = 160000,
    [KSD_COMPRESSION_ZSTD] = 160000,
};

/* psql learnt \restrict and \unrestrict in the releases of 2025-08-14 (and
 * 18.0); older ones stop at them as invalid commands. */
static const int restrict_releases[] = {130022, 140019, 150014, 160010, 170006, 180000, 0};

/* Majors that fail on a tar whose toc.dat is not the first member, its data
 * in order: 17 refuses it ("tar member ... precedes toc.dat"); 13.16, 18.6
 * and 19rc1 crashed on such a file; 14.10 and 15.18 restored it. */
static const int toc_not_first_fails[] = {130000, 170000, 180000, 190000};

/* Server functions pg_dump's statistics SQL calls, the first release whose
 * server has each, and the TOC entry type whose SQL calls it, which
 * pg_restore takes for statistics (and leaves out with --no-statistics) from
 * that release on. Checked with the real releases (testdata/restore-check
 * and by hand): pg_dump 19's extended statistics fail on an 18 server
 * ("cannot accept a value of type pg_ndistinct") and load into 19;
 * pg_restore 18 keeps EXTENDED STATISTICS DATA entries with --no-statistics
 * and leaves them out with --statistics-only, pg_restore 19 the other way
 * round. Servers 17.12 and 18.6 were asked (pg_proc): 17 has none of these
 * functions, 18 pg_restore_relation_stats and pg_restore_attribute_stats
 * (which STATISTICS DATA entries also call) but not the extended one. */
static const struct server_function {
	const char *name;
	int first;
	const char *entry;
} server_functions[] = {
    {"pg_restore_relation_stats", 180000, "STATISTICS DATA"},
    {"pg_restore_extended_stats", 190000, "EXTENDED STATISTICS DATA"},
};

/* standard_conforming_strings is always on from 19: SET ... = off fails
 * ("non-standard string literals are not supported", checked against a 19
 * server), for psql and for pg_restore, which sets what the archive's
 * STDSTRINGS entry says. */
#define STD_STRINGS_ALWAYS_ON 190000

/* psql meta-commands and what they ask of the restore. */
static const struct meta {
	const char *name;
	enum ksd_need need; /* KSD_NEED_META: nothing beyond psql */
	bool harmless;
} metas[] = {
    {"connect", KSD_NEED_META, true},
    {"c", KSD_NEED_META, true},
    {"restrict", KSD_NEED_RESTRICT, false},
    {"unrestrict", KSD_NEED_RESTRICT, false},
    {"!", KSD_NEED_SHELL, false},
    {"i", KSD_NEED_INCLUDE, false},
    {"include", KSD_NEED_INCLUDE, false},
    {"ir", KSD_NEED_INCLUDE, false},
    {"include_relative", KSD_NEED_INCLUDE, false},
};

static bool has_need(const struct ksd_restore *r, enum ksd_need code)
{
	for (size_t i = 0; i < r->nneeds; i++)
		if (r->needs[i].code == code)
			return true;
	return false;
}

/* Adds a need and raises the bound to `first` (or the `releases` list). */
static void need(struct ksd_restore *r, struct ksd_restore_need n, int first)
{
	if (r->nneeds == KSD_RESTORE_MAX_NEEDS)
		return;
	r->needs[r->nneeds++] = n;
	if (first > r->min_version || (first == r->min_version && n.releases)) {
		r->min_version = first;
		r->releases = n.releases;
	}
}

static void archive_needs(const struct ksd_dump *dump, struct ksd_restore *r)
{
	const struct ksd_archive *a = &dump->archive;
	for (size_t i = 0; i < sizeof(archive_readers) / sizeof(archive_readers[0]); i++) {
		const struct archive_reader *ar = &archive_readers[i];
		if (ar->vmin == a->vmin)
			need(r,
			     (struct ksd_restore_need){.code = KSD_NEED_ARCHIVE,
			                               .vmin = a->vmin,
			                               .releases = ar->releases},
			     ar->first);
	}
	int first = compression_readers[a->compression];
	if (first)
		need(r,
		     (struct ksd_restore_need){.code = KSD_NEED_COMPRESSION,
		                               .compression = a->compression,
		                               .version = first},
		     first);
	/* Every pg_restore stops at the first data it cannot find. */
	if (a->nmissing) {
		need(r,
		     (struct ksd_restore_need){
		         .code = KSD_NEED_COMPLETE, .missing = a->missing, .count = a->nmissing},
		     0);
		r->restorable = false;
	}
	if (a->tar_layout & (KSD_TAR_DATA_BEFORE_TOC | KSD_TAR_DATA_OUT_OF_ORDER)) {
		need(r, (struct ksd_restore_need){.code = KSD_NEED_DATA_ORDER}, 0);
		r->restorable = false;
	} else if (a->tar_layout & KSD_TAR_TOC_NOT_FIRST) {
		need(r, (struct ksd_restore_need){.code = KSD_NEED_TOC_NOT_FIRST}, 0);
		memcpy(r->except, toc_not_first_fails, sizeof(toc_not_first_fails));
		r->nexcept = sizeof(toc_not_first_fails) / sizeof(toc_not_first_fails[0]);
	}
}

static void psql_needs(const struct ksd_dump *dump, struct ksd_restore *r)
{
	const struct ksd_provenance *p = &dump->prov;
	for (size_t i = 0; i < p->nmeta; i++) {
		const struct meta *m = NULL;
		for (size_t k = 0; k < sizeof(metas) / sizeof(metas[0]); k++)
			if (strcmp(metas[k].name, p->meta[i]) == 0)
				m = &metas[k];
		if (m && m->harmless)
			continue;
		enum ksd_need code = m ? m->need : KSD_NEED_META;
		if (code == KSD_NEED_RESTRICT) {
			if (!has_need(r, code))
				need(r,
				     (struct ksd_restore_need){.code = code,
				                               .releases = restrict_releases},
				     130000);
			continue;
		}
		need(r, (struct ksd_restore_need){.code = code, .name = p->meta[i]}, 0);
	}
}

/* The functions the SQL calls that some servers lack, and the setting 19
 * refuses: they bound the servers it loads into. */
static void server_needs(const struct ksd_dump *dump, bool archive, struct ksd_restore *r)
{
	const struct ksd_provenance *p = &dump->prov;
	for (size_t i = 0; i < sizeof(server_functions) / sizeof(server_functions[0]); i++) {
		const struct server_function *f = &server_functions[i];
		bool called = false;
		for (size_t k = 0; k < p->ncalls && !called; k++)
			called = strcmp(p->calls[k], f->name) == 0;
		if (!called)
			continue;
		need(r,
		     (struct ksd_restore_need){.code = KSD_NEED_FUNCTION,
		                               .name = f->name,
		                               .version = f->first,
		                               .entry = archive ? f->entry : NULL},
		     0);
		if (f->first > r->server_min)
			r->server_min = f->first;
	}
	if (p->std_strings_off) {
		need(r,
		     (struct ksd_restore_need){.code = KSD_NEED_STD_STRINGS_OFF,
		                               .version = STD_STRINGS_ALWAYS_ON},
		     0);
		r->server_max = STD_STRINGS_ALWAYS_ON - 10000; /* the major before */
	}
}

/* The major of a version string as pg_dump spells it ("17.12 (Debian
 * ...)", "9.6.24"); 0 when it is none. */
static int major_of(const char *v)
{
	int a = 0, b = 0;
	if (!v || sscanf(v, "%d.%d", &a, &b) < 1 || a < 7 || a > 99)
		return 0;
	return a >= 10 ? a * 10000 : a * 10000 + b * 100;
}

void ksd_infer_restore(const struct ksd_dump *dump, struct ksd_restore *out)
{
	memset(out, 0, sizeof(*out));
	bool archive = dump->format == KSD_FMT_CUSTOM || dump->format == KSD_FMT_TAR ||
	               dump->format == KSD_FMT_DIRECTORY;
	out->program = archive ? KSD_PROG_PG_RESTORE : KSD_PROG_PSQL;
	out->restorable = true;
	if (dump->compression != KSD_COMPRESSION_NONE) {
		/* Neither psql nor pg_restore decompresses a whole file. */
		need(out,
		     (struct ksd_restore_need){.code = KSD_NEED_UNWRAP,
		                               .compression = dump->compression},
		     0);
		out->restorable = false;
	}
	if (archive)
		archive_needs(dump, out);
	else
		psql_needs(dump, out);
	/* pg_dump's output loads into servers of its major or later; an older
	 * one may reject some of it (pg_dump 17's SET transaction_timeout). */
	out->server_min = major_of(dump->prov.pg_dump_version);
	if (out->server_min)
		need(out,
		     (struct ksd_restore_need){.code = KSD_NEED_SERVER, .version = out->server_min},
		     0);
	server_needs(dump, archive, out);
}
