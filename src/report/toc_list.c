/* --list --toc: an archive's TOC in the shape of `pg_restore -l`, so the two
 * can be compared line for line: a header of ';' comment lines, then one
 * "dumpId; tableoid oid desc schema tag owner" line per entry pg_restore
 * would restore by default. */
#include <stdlib.h>
#include <string.h>

#include "ksd_report.h"
#include "report/words.h"

/* pg_restore's sanitize_line(): one line per entry, whatever the names hold.
 * NULL prints as `null_as` ("-" for a schema, nothing for an owner); other
 * control bytes are made visible by ksd_fput_safe. */
static void put_field(FILE *out, const char *s, const char *null_as)
{
	if (!s) {
		fputs(null_as, out);
		return;
	}
	char *copy = strdup(s);
	if (!copy) {
		fputs("?", out);
		return;
	}
	for (char *p = copy; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	ksd_fput_safe(out, copy);
	free(copy);
}

static const char *format_name(enum ksd_dump_format f)
{
	return f == KSD_FMT_CUSTOM ? "CUSTOM" : f == KSD_FMT_TAR ? "TAR" : "DIRECTORY";
}

static void put_header(FILE *out, const struct ksd_dump *dump)
{
	const struct ksd_archive *a = &dump->archive;
	/* The creation time is the dump host's local time, stored without a
	 * zone; pg_restore renders it in the reader's zone, we print it as is. */
	fputs(";\n; Archive created at ", out);
	put_field(out, dump->prov.created ? dump->prov.created : "(unknown)", "");
	fputs("\n;     dbname: ", out);
	put_field(out, dump->prov.database, "");
	fprintf(out, "\n;     TOC Entries: %lld\n", a->ntoc);
	if (a->vmin >= 15)
		fprintf(out, ";     Compression: %s\n", words_compression_name(a->compression));
	else
		fprintf(out, ";     Compression: %d\n", a->level);
	fprintf(out, ";     Dump Version: %d.%d-%d\n", a->vmaj, a->vmin, a->vrev);
	fprintf(out, ";     Format: %s\n", format_name(dump->format));
	fprintf(out, ";     Integer: %d bytes\n;     Offset: %d bytes\n", a->int_size, a->off_size);
	if (dump->prov.server_version) {
		fputs(";     Dumped from database version: ", out);
		put_field(out, dump->prov.server_version, "");
		putc('\n', out);
	}
	if (dump->prov.pg_dump_version) {
		fputs(";     Dumped by pg_dump version: ", out);
		put_field(out, dump->prov.pg_dump_version, "");
		putc('\n', out);
	}
	fputs(";\n;\n; Selected TOC Entries:\n;\n", out);
}

void ksd_list_toc(FILE *out, const char *input, const struct ksd_dump *dump)
{
	if (dump->format != KSD_FMT_CUSTOM && dump->format != KSD_FMT_TAR &&
	    dump->format != KSD_FMT_DIRECTORY) {
		fputs("; ", out);
		ksd_fput_safe(out, input);
		fputs(" is not an archive: it has no TOC\n", out);
		return;
	}
	put_header(out, dump);
	for (size_t i = 0; i < dump->ntoc; i++) {
		const struct ksd_toc_entry *e = &dump->toc[i];
		if (!e->selected)
			continue;
		fprintf(out, "%d; %u %u ", e->dump_id, e->catalog_oid, e->oid);
		put_field(out, e->desc, "");
		putc(' ', out);
		put_field(out, e->schema, "-");
		putc(' ', out);
		put_field(out, e->tag, "");
		putc(' ', out);
		put_field(out, e->owner, "");
		putc('\n', out);
	}
}
