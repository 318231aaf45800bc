/* The `restore` line and JSON object: the program that restores the dump,
 * the oldest releases of it that can, and why (words.c words the codes). */
#include "infer/restore.h"
#include "ksd_report.h"
#include "report/restore.h"
#include "report/words.h"

void restore_text(FILE *out, const struct ksd_catalog *cat)
{
	struct ksd_restore r;
	ksd_infer_restore(cat, &r);
	char line[WORDS_RESTORE_MAX], need[512];
	words_restore_bound(line, sizeof(line), &r);
	/* Printable ASCII only (words.h): backslashes stay as psql spells them. */
	fprintf(out, "%-12s %s", "restore", line);
	for (size_t i = 0; i < r.nneeds; i++) {
		words_restore_need(need, sizeof(need), &r.needs[i]);
		fprintf(out, "%s%s", i ? "; " : ": ", need);
	}
	putc('\n', out);
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

void restore_json(FILE *out, const struct ksd_catalog *cat)
{
	struct ksd_restore r;
	ksd_infer_restore(cat, &r);
	fprintf(out, ", \"restore\": {\"program\": \"%s\", \"restorable\": %s, \"min_version\": ",
	        r.program == KSD_PROG_PSQL ? "psql" : "pg_restore",
	        r.restorable ? "true" : "false");
	if (r.min_version) {
		char v[16];
		words_pg_release(v, sizeof(v), KSD_PG_MAJOR(r.min_version));
		fprintf(out, "\"%s\"", v);
	} else {
		fputs("null", out);
	}
	fputs(", \"server_min\": ", out);
	if (r.server_min) {
		char v[16];
		words_pg_release(v, sizeof(v), r.server_min);
		fprintf(out, "\"%s\"", v);
	} else {
		fputs("null", out);
	}
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
	fputs("]}", out);
}
