/* The `dump` line and JSON object: format, archive version, compression,
 * creation time, database and the server and pg_dump versions, each as the
 * dump spells it, absent (null) where it does not say. */

#include "ksd_report.h"
#include "report/provenance.h"
#include "report/words.h"

static bool is_archive(const struct ksd_dump *dump)
{
	return dump->format == KSD_FMT_CUSTOM || dump->format == KSD_FMT_TAR ||
	       dump->format == KSD_FMT_DIRECTORY;
}

/* An archive's own compression, or what a plain file is wrapped in. */
static enum ksd_compression_alg compression(const struct ksd_dump *dump)
{
	return is_archive(dump) ? dump->archive.compression : dump->compression;
}

/* What an archive file is wrapped in, or NULL. */
static const char *wrapper(const struct ksd_dump *dump)
{
	return is_archive(dump) && dump->compression != KSD_COMPRESSION_NONE
	           ? words_compression_name(dump->compression)
	           : NULL;
}

/* ", label value" when the dump says it. */
static void field(FILE *out, const char *label, const char *value)
{
	if (!value)
		return;
	fprintf(out, ", %s ", label);
	ksd_fput_safe(out, value);
}

static void explain_line(FILE *out, const char *label, const char *value)
{
	fprintf(out, "  %-16s ", label);
	ksd_fput_safe(out, value ? value : "(not in the dump)");
	putc('\n', out);
}

void provenance_text(FILE *out, const struct ksd_dump *dump, bool explain)
{
	const struct ksd_provenance *p = &dump->prov;
	const struct ksd_archive *a = &dump->archive;
	fprintf(out, "%-12s %s", "dump", words_format_name(dump->format));
	if (is_archive(dump))
		fprintf(out, " archive %d.%d", a->vmaj, a->vmin);
	if (compression(dump) != KSD_COMPRESSION_NONE)
		fprintf(out, ", %s", words_compression_name(compression(dump)));
	if (wrapper(dump))
		fprintf(out, " in a %s file", wrapper(dump));
	field(out, "pg_dump", p->pg_dump_version);
	field(out, "server", p->server_version);
	field(out, "database", p->database);
	field(out, "created", p->created);
	putc('\n', out);
	if (!explain)
		return;
	fputs("dump details (as the dump says; pg_restore -l prints the same header)\n", out);
	explain_line(out, "format", words_format_name(dump->format));
	if (is_archive(dump)) {
		char buf[128];
		snprintf(buf, sizeof(buf),
		         "%d.%d-%d, %d-byte integers, %d-byte offsets, %lld TOC entries", a->vmaj,
		         a->vmin, a->vrev, a->int_size, a->off_size, a->ntoc);
		explain_line(out, "archive version", buf);
		if (a->vmin < 15) {
			snprintf(buf, sizeof(buf), "%s (zlib level %d)",
			         words_compression_name(compression(dump)), a->level);
			explain_line(out, "compression", buf);
		} else {
			explain_line(out, "compression", words_compression_name(compression(dump)));
		}
		if (wrapper(dump))
			explain_line(out, "file wrapped in", wrapper(dump));
	} else {
		explain_line(out, "compression", words_compression_name(compression(dump)));
	}
	explain_line(out, "created", p->created);
	explain_line(out, "database", p->database);
	explain_line(out, "server version", p->server_version);
	explain_line(out, "pg_dump version", p->pg_dump_version);
	if (p->nmeta) {
		fprintf(out, "  %-16s ", "psql commands");
		for (size_t i = 0; i < p->nmeta; i++) {
			fputs(i ? ", \\" : "\\", out);
			ksd_fput_safe(out, p->meta[i]);
		}
		fputs(p->meta_truncated ? ", ...\n" : "\n", out);
	}
}

void provenance_json(FILE *out, const struct ksd_dump *dump)
{
	const struct ksd_provenance *p = &dump->prov;
	fputs(", \"dump\": {\"format\": ", out);
	ksd_fput_json(out, words_format_name(dump->format));
	fputs(", \"archive_version\": ", out);
	if (is_archive(dump))
		fprintf(out, "\"%d.%d\"", dump->archive.vmaj, dump->archive.vmin);
	else
		fputs("null", out);
	fputs(", \"compression\": ", out);
	ksd_fput_json(out, words_compression_name(compression(dump)));
	fputs(", \"wrapped\": ", out);
	ksd_fput_json(out, wrapper(dump));
	fputs(", \"created\": ", out);
	ksd_fput_json(out, p->created);
	fputs(", \"database\": ", out);
	ksd_fput_json(out, p->database);
	fputs(", \"server_version\": ", out);
	ksd_fput_json(out, p->server_version);
	fputs(", \"pg_dump_version\": ", out);
	ksd_fput_json(out, p->pg_dump_version);
	putc('}', out);
}
