/* The `restore` line and JSON object: the program that restores the dump,
 * the oldest releases of it that can, and why (words.c words the codes);
 * for an incomplete archive, the entries whose data it lacks. */
#include "infer/restore.h"
#include "ksd_report.h"
#include "report/restore.h"
#include "report/words.h"

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

void restore_text(FILE *out, const struct ksd_dump *dump)
{
	struct ksd_restore r;
	ksd_infer_restore(dump, &r);
	char line[WORDS_RESTORE_MAX], need[512];
	words_restore_bound(line, sizeof(line), &r);
	/* Printable ASCII only (words.h): backslashes stay as psql spells them. */
	fprintf(out, "%-12s %s", "restore", line);
	for (size_t i = 0; i < r.nneeds; i++) {
		words_restore_need(need, sizeof(need), &r.needs[i]);
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

void restore_json(FILE *out, const struct ksd_dump *dump)
{
	struct ksd_restore r;
	ksd_infer_restore(dump, &r);
	fprintf(out, ", \"restore\": {\"program\": \"%s\", \"restorable\": %s, \"min_version\": ",
	        r.program == KSD_PROG_PSQL ? "psql" : "pg_restore",
	        r.restorable ? "true" : "false");
	release_or_null(out, KSD_PG_MAJOR(r.min_version));
	fputs(", \"server_min\": ", out);
	release_or_null(out, r.server_min);
	fputs(", \"server_max\": ", out);
	release_or_null(out, r.server_max);
	fputs(", \"releases\": ", out);
	release_list(out, r.releases, SIZE_MAX);
	fputs(", \"except\": ", out);
	release_list(out, r.except, r.nexcept);
	fputs(", \"needs\": [", out);
	for (size_t i = 0; i < r.nneeds; i++) {
		char need[512];
		words_restore_need(need, sizeof(need), &r.needs[i]);
		fputs(i ? ", " : "", out);
		ksd_fput_json(out, need);
	}
	putc(']', out);
	missing_json(out, dump);
	putc('}', out);
}
