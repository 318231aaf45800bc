/* kinto-schema-doctor: options -> each DUMP -> report -> exit status. The
 * only place that prints errors or exits. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ksd_catalog.h"
#include "ksd_err.h"
#include "ksd_infer.h"
#include "ksd_reader.h"
#include "ksd_report.h"
#include "ksd_source.h"
#include "cli/options.h"

/* "'FILE' member 'M' line N: what", names written by `put`. */
static void describe_error(FILE *out, void (*put)(FILE *, const char *), const char *input,
                           const struct ksd_err *err)
{
	putc('\'', out);
	put(out, input);
	putc('\'', out);
	if (err->member) {
		fputs(" member '", out);
		put(out, err->member);
		putc('\'', out);
	}
	if (err->line > 0)
		fprintf(out, " line %ld", err->line);
	else if (err->offset >= 0)
		fprintf(out, " offset %lld", err->offset);
	fputs(": ", out);
	put(out, err->msg);
}

static void put_raw(FILE *out, const char *s)
{
	fputs(s, out);
}

/* One line: "kinto-schema-doctor: error: 'FILE' line N: what", saying
 * when a report follows all the same; with JUnit output, the same words
 * (escaped there) in an error testcase as well. */
static void report_error(const char *input, const struct ksd_err *err, int rc,
                         struct ksd_junit *junit)
{
	bool partial = rc == KSD_WARN || rc == KSD_INCOMPLETE;
	fputs(rc == KSD_INCOMPLETE ? "kinto-schema-doctor: error (incomplete archive): "
	      : rc == KSD_WARN     ? "kinto-schema-doctor: error (partial result): "
	                           : "kinto-schema-doctor: error: ",
	      stderr);
	describe_error(stderr, ksd_fput_safe, input, err);
	putc('\n', stderr);
	if (!junit)
		return;
	char *msg = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&msg, &len);
	if (f) {
		describe_error(f, put_raw, input, err);
		if (fclose(f) == 0)
			ksd_junit_error(junit, msg, partial);
	}
	free(msg);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double progress_start, progress_last;
static bool progress_shown;

/* A one-line progress display on a terminal's stderr, at most 4 times a second,
 * only once a read has taken a while. */
static void show_progress(const char *name, uint64_t done, long long total)
{
	double t = now();
	if (done == 0 || progress_start == 0)
		progress_start = t;
	if (t - progress_start < 0.5 || t - progress_last < 0.25)
		return;
	progress_last = t;
	progress_shown = true;
	double mib = 1024.0 * 1024.0;
	fputs("\r\033[K", stderr);
	ksd_fput_safe(stderr, name);
	fprintf(stderr, ": %.0f MiB", (double)done / mib);
	if (total > 0)
		fprintf(stderr, " of %.0f MiB (%.0f%%)", (double)total / mib,
		        100.0 * (double)done / (double)total);
	fprintf(stderr, ", %.0f MiB/s", (double)done / mib / (t - progress_start));
	fflush(stderr);
}

static void end_progress(void)
{
	if (progress_shown)
		fputs("\r\033[K", stderr);
	progress_shown = false;
	progress_start = progress_last = 0;
}

/* auto: a terminal that can show colour, and no NO_COLOR (no-color.org: any
 * non-empty value). --color=always wins over NO_COLOR, as that convention asks. */
static bool want_color(enum ksd_color c)
{
	if (c != KSD_COLOR_AUTO)
		return c == KSD_COLOR_ALWAYS;
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
	if (no_color && *no_color)
		return false;
	if (term && strcmp(term, "dumb") == 0)
		return false;
	return isatty(STDOUT_FILENO);
}

static int worst(int a, int b)
{
	return a > b ? a : b;
}

static int process(const char *input, const struct options *o)
{
	struct ksd_dump *dump = ksd_dump_new();
	struct ksd_catalog *cat = ksd_catalog_new();
	if (!dump || !cat) {
		fputs("kinto-schema-doctor: error: out of memory\n", stderr);
		ksd_dump_free(dump);
		ksd_catalog_free(cat);
		return KSD_EXIT_INPUT;
	}
	struct ksd_err err;
	ksd_err_clear(&err);
	/* Rows are counted only where they are shown (--list, JSON, and the
	 * plugins' data in --explain): the default report and --sql skip the
	 * table data unread. */
	bool count_rows = !o->toc && (o->list || o->report.explain ||
	                              (o->report.format == KSD_OUT_JSON && !o->report.sql_only));
	int rc = ksd_read_dump(input, count_rows, dump, cat, &err);
	end_progress();
	int status = KSD_EXIT_OK;
	const char *name = strcmp(input, "-") == 0 ? "(stdin)" : input;
	struct ksd_junit *junit = o->report.junit;
	if (junit && !ksd_junit_suite(junit, name))
		fputs("kinto-schema-doctor: error: out of memory\n", stderr);
	if (rc != KSD_OK) {
		report_error(name, &err, rc, junit);
		status = KSD_EXIT_INPUT;
	}
	if (rc != KSD_FATAL && o->toc) {
		ksd_list_toc(stdout, name, dump);
	} else if (rc != KSD_FATAL) {
		/* One result, whatever the form: --list exits as the report
		 * would. */
		struct ksd_result res;
		bool inferred = ksd_infer(dump, cat, o->report.assume_version, &res);
		if (o->list)
			ksd_list_catalog(stdout, name, dump, cat, &res);
		if (!inferred)
			fputs("kinto-schema-doctor: error: out of memory during the analysis\n",
			      stderr);
		else if (!o->list)
			ksd_analyse(stdout, name, dump, cat, &res, &o->report);
		status = worst(status, res.status);
		ksd_result_free(&res);
	}
	/* How much of the file was read: archive readers skip the table data. */
	const char *stats = getenv("KSD_STATS");
	if (stats && *stats && strcmp(stats, "0") != 0) {
		fputs("kinto-schema-doctor: stats: '", stderr);
		ksd_fput_safe(stderr, name);
		fprintf(stderr, "' bytes read %llu\n", (unsigned long long)dump->bytes_read);
	}
	ksd_catalog_free(cat);
	ksd_dump_free(dump);
	return status;
}

int main(int argc, char **argv)
{
	struct options o;
	int rc = options_parse(&o, argc, argv);
	if (rc != 0)
		return rc;
	if (o.help) {
		options_usage(stdout);
		return KSD_EXIT_OK;
	}
	if (o.version) {
		puts("kinto-schema-doctor " KSD_VERSION);
		return KSD_EXIT_OK;
	}
	if (o.versions) {
		ksd_print_versions(stdout);
		return KSD_EXIT_OK;
	}
	o.report.color = want_color(o.color);
	if (!o.quiet && isatty(STDERR_FILENO))
		ksd_source_set_progress(show_progress);
	int status = KSD_EXIT_OK;
	int stdin_uses = 0;
	for (int i = 0; i < o.ninputs; i++)
		stdin_uses += strcmp(o.inputs[i], "-") == 0;
	if (stdin_uses > 1) {
		fputs("kinto-schema-doctor: standard input ('-') given more than once\n", stderr);
		return KSD_EXIT_USAGE;
	}
	if (o.report.format == KSD_OUT_JUNIT && !(o.report.junit = ksd_junit_new())) {
		fputs("kinto-schema-doctor: error: out of memory\n", stderr);
		return KSD_EXIT_INPUT;
	}
	for (int i = 0; i < o.ninputs; i++)
		status = worst(status, process(o.inputs[i], &o));
	if (o.report.junit) {
		bool whole = ksd_junit_write(stdout, o.report.junit);
		ksd_junit_free(o.report.junit);
		if (!whole) {
			fputs("kinto-schema-doctor: error: cannot build the JUnit report\n",
			      stderr);
			return KSD_EXIT_INPUT;
		}
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fputs("kinto-schema-doctor: error: cannot write the report\n", stderr);
		return KSD_EXIT_INPUT;
	}
	return status;
}
