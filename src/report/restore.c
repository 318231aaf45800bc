/* The `restore` line and JSON object: the program that restores the dump,
 * the oldest releases of it that can, and why (words.c words the codes);
 * for an incomplete archive, the entries whose data it lacks. */
#include "ksd_report.h"
#include "report/restore.h"
#include "report/words.h"

void words_pg_release(char *buf, size_t cap, int v)
{
	if (v >= 100000)
		snprintf(buf, cap, v % 10000 ? "%d.%d" : "%d", v / 10000, v % 10000);
	else
		snprintf(buf, cap, v % 100 ? "%d.%d.%d" : "%d.%d", v / 10000, v / 100 % 100,
		         v % 100);
}

/* "13.22, 14.19, 18 or later" of a 0-terminated list, or "12 or later". */
static void releases_or_later(char *buf, size_t cap, int first, const int *releases)
{
	char r[16];
	buf[0] = '\0';
	for (size_t i = 0; releases && releases[i]; i++) {
		words_pg_release(r, sizeof(r), releases[i]);
		words_add(buf, cap, "%s%s", i ? ", " : "", r);
	}
	if (!releases) {
		words_pg_release(r, sizeof(r), first);
		words_add(buf, cap, "%s", r);
	}
	words_add(buf, cap, " or later");
}

void words_restore_bound(char *buf, size_t cap, const struct ksd_restore *r)
{
	char bound[256] = "of any release";
	if (r->min_version)
		releases_or_later(bound, sizeof(bound), r->min_version, r->releases);
	buf[0] = '\0';
	words_add(buf, cap, "%s%s %s", r->restorable ? "" : "not as it is; then ",
	          r->program == KSD_PROG_PSQL ? "psql" : "pg_restore", bound);
	for (size_t i = 0; i < r->nexcept; i++) {
		char m[16];
		words_pg_release(m, sizeof(m), r->except[i]);
		words_add(buf, cap, "%s%s", i ? ", " : ", but not ", m);
	}
}

/* KSD_NEED_COMPLETE: what the archive lacks, and what pg_restore does then. */
static void incomplete_words(char *buf, size_t cap, const struct ksd_restore_need *n)
{
	/* What pg_restore (13 to 18) says when it meets the first of them. */
	static const char *const fails[] = {
	    [KSD_MISSING_FILES] = "could not open input file",
	    [KSD_MISSING_MEMBERS] = "could not find header for file ... in tar archive",
	    [KSD_MISSING_CUT] = "could not read from input file: end of file",
	};
	static const char *const items[] = {
	    [KSD_MISSING_FILES] = "data file",
	    [KSD_MISSING_MEMBERS] = "tar member",
	    [KSD_MISSING_CUT] = "data block",
	};
	snprintf(buf, cap,
	         "incomplete: %s%zu %s%s missing (listed under `missing`), and pg_restore "
	         "stops at the first (\"%s\"); only the rest restores, with pg_restore -L "
	         "and a list that leaves their TOC entries out",
	         n->missing == KSD_MISSING_CUT ? "the file ends inside its data, " : "", n->count,
	         items[n->missing], n->count == 1 ? "" : "s", fails[n->missing]);
}

void words_restore_need(char *buf, size_t cap, const struct ksd_restore_need *n)
{
	switch (n->code) {
	case KSD_NEED_ARCHIVE:
		snprintf(buf, cap, "archive 1.%d", n->vmin);
		return;
	case KSD_NEED_COMPRESSION: {
		const char *c = words_compression_name(n->compression);
		char v[16];
		words_pg_release(v, sizeof(v), n->version);
		snprintf(buf, cap, "%s-compressed data: a pg_restore %s or later built with %s", c,
		         v, c);
		return;
	}
	case KSD_NEED_UNWRAP:
		snprintf(buf, cap,
		         "the whole file is %s-compressed: decompress it first, neither psql nor "
		         "pg_restore reads it so",
		         words_compression_name(n->compression));
		return;
	case KSD_NEED_RESTRICT:
		snprintf(buf, cap,
		         "\\restrict lines, which an older psql takes for invalid commands "
		         "(and stops at with ON_ERROR_STOP)");
		return;
	case KSD_NEED_SHELL:
		snprintf(buf, cap,
		         "\\! runs shell commands on the restoring host: read them first");
		return;
	case KSD_NEED_INCLUDE:
		snprintf(buf, cap, "\\%s reads another file, which must be there", n->name);
		return;
	case KSD_NEED_META:
		snprintf(buf, cap, "\\%s, a meta-command pg_dump does not write", n->name);
		return;
	case KSD_NEED_TOC_NOT_FIRST:
		snprintf(
		    buf, cap,
		    "toc.dat is not the tar's first member: pg_restore 17 refuses such a file "
		    "(\"precedes toc.dat\"), 13, 18 and 19 crashed on one; unpack it (tar -xf) "
		    "and give pg_restore the directory");
		return;
	case KSD_NEED_SERVER: {
		char v[16];
		words_pg_release(v, sizeof(v), n->version);
		snprintf(buf, cap,
		         "written by pg_dump %s: into a server %s or later (an older one may "
		         "reject some of it)",
		         v, v);
		return;
	}
	case KSD_NEED_COMPLETE:
		incomplete_words(buf, cap, n);
		return;
	case KSD_NEED_FUNCTION: {
		char v[16];
		words_pg_release(v, sizeof(v), n->version);
		if (n->entry)
			snprintf(
			    buf, cap,
			    "%s entries call %s: into a server %s or later, or leave them out "
			    "with pg_restore %s --no-statistics (an older pg_restore restores them "
			    "all the same)",
			    n->entry, n->name, v, v);
		else
			snprintf(buf, cap, "its SQL calls %s: into a server %s or later", n->name,
			         v);
		return;
	}
	case KSD_NEED_STD_STRINGS_OFF: {
		char v[16], last[16];
		words_pg_release(v, sizeof(v), n->version);
		words_pg_release(last, sizeof(last), n->version - 10000);
		snprintf(
		    buf, cap,
		    "it sets standard_conforming_strings off, which a server %s or later refuses "
		    "(\"non-standard string literals are not supported\"): into a server %s or "
		    "older",
		    v, last);
		return;
	}
	case KSD_NEED_DATA_ORDER:
		snprintf(buf, cap,
		         "the tar's data members are not in TOC order: pg_restore reads forward "
		         "only and cannot restore them; unpack it (tar -xf) and give pg_restore "
		         "the directory");
		return;
	}
	buf[0] = '\0';
}

/* Entries named on the `missing` line; JSON lists them all. */
#define MISSING_SHOWN 20

void restore_missing_text(FILE *out, const struct ksd_dump *dump, const char *label,
                          void (*put)(FILE *, const char *))
{
	const struct ksd_archive *a = &dump->archive;
	if (!a->nmissing)
		return;
	fprintf(out, "%s%zu TOC entr%s without data:", label, a->nmissing,
	        a->nmissing == 1 ? "y" : "ies");
	size_t shown = 0;
	for (size_t i = 0; i < dump->ntoc && shown < MISSING_SHOWN; i++) {
		const struct ksd_toc_entry *e = &dump->toc[i];
		if (!e->data_missing)
			continue;
		fputs(shown++ ? ", " : " ", out);
		if (e->schema) {
			put(out, e->schema);
			putc('.', out);
		}
		put(out, e->tag ? e->tag : "");
		if (e->file) {
			fputs(" (", out);
			put(out, e->file);
			putc(')', out);
		}
	}
	if (a->nmissing > shown)
		fprintf(out, " and %zu more", a->nmissing - shown);
	putc('\n', out);
}

void restore_text(FILE *out, const struct ksd_dump *dump, const struct ksd_restore *r)
{
	char line[WORDS_RESTORE_MAX], need[512];
	words_restore_bound(line, sizeof(line), r);
	/* Printable ASCII only (words.h): backslashes stay as psql spells them. */
	fprintf(out, "%-12s %s", "restore", line);
	for (size_t i = 0; i < r->nneeds; i++) {
		words_restore_need(need, sizeof(need), &r->needs[i]);
		fprintf(out, "%s%s", i ? "; " : ": ", need);
	}
	putc('\n', out);
	restore_missing_text(out, dump, "missing      ", ksd_fput_safe);
}

/* , "missing": [{"dump_id": 3384, "schema": "public", "table": "user_principals",
 * "file": "3384.dat"}]: every entry, only for an incomplete archive. */
static void missing_json(FILE *out, const struct ksd_dump *dump)
{
	if (!dump->archive.nmissing)
		return;
	fputs(", \"missing\": [", out);
	bool first = true;
	for (size_t i = 0; i < dump->ntoc; i++) {
		const struct ksd_toc_entry *e = &dump->toc[i];
		if (!e->data_missing)
			continue;
		fprintf(out, "%s{\"dump_id\": %d, \"schema\": ", first ? "" : ", ", e->dump_id);
		first = false;
		if (e->schema)
			ksd_fput_json(out, e->schema);
		else
			fputs("null", out);
		fputs(", \"table\": ", out);
		ksd_fput_json(out, e->tag ? e->tag : "");
		fputs(", \"file\": ", out);
		if (e->file)
			ksd_fput_json(out, e->file);
		else
			fputs("null", out);
		putc('}', out);
	}
	putc(']', out);
}

/* ["13.22", "17"] */
static void release_list(FILE *out, const int *v, size_t n)
{
	putc('[', out);
	for (size_t i = 0; i < n && v && v[i]; i++) {
		char r[16];
		words_pg_release(r, sizeof(r), v[i]);
		fprintf(out, "%s\"%s\"", i ? ", " : "", r);
	}
	putc(']', out);
}

/* "17", or null for 0 (no bound). */
static void release_or_null(FILE *out, int v)
{
	if (!v) {
		fputs("null", out);
		return;
	}
	char r[16];
	words_pg_release(r, sizeof(r), v);
	fprintf(out, "\"%s\"", r);
}

void restore_json(FILE *out, const struct ksd_dump *dump, const struct ksd_restore *r)
{
	fprintf(out, ", \"restore\": {\"program\": \"%s\", \"restorable\": %s, \"min_version\": ",
	        r->program == KSD_PROG_PSQL ? "psql" : "pg_restore",
	        r->restorable ? "true" : "false");
	release_or_null(out, KSD_PG_MAJOR(r->min_version));
	fputs(", \"server_min\": ", out);
	release_or_null(out, r->server_min);
	fputs(", \"server_max\": ", out);
	release_or_null(out, r->server_max);
	fputs(", \"releases\": ", out);
	release_list(out, r->releases, SIZE_MAX);
	fputs(", \"except\": ", out);
	release_list(out, r->except, r->nexcept);
	fputs(", \"needs\": [", out);
	for (size_t i = 0; i < r->nneeds; i++) {
		char need[512];
		words_restore_need(need, sizeof(need), &r->needs[i]);
		fputs(i ? ", " : "", out);
		ksd_fput_json(out, need);
	}
	putc(']', out);
	missing_json(out, dump);
	putc('}', out);
}
