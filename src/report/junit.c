/* JUnit XML, the test report GitLab, Jenkins and GitHub's test-report actions
 * show: one testsuite per DUMP, one testcase per Kinto instance. A fix-needed
 * instance is a failure whose text is the fix, an undetermined one a failure
 * giving the reason, a dump that cannot be read (fully) an error; each
 * instance's text report is its system-out. It renders what the analysis
 * found, in the words of words.c. The suites are kept in memory until every
 * DUMP is read, because the root element carries their totals. */
#include <stdlib.h>
#include <string.h>

#include "ksd_report.h"
#include "report/fix.h"
#include "report/junit.h"
#include "report/text.h"
#include "report/words.h"
#include "report/kinto.h"

struct suite {
	char *name;
	unsigned tests, failures, errors;
	char *buf; /* the testcase elements, written through `cases` */
	size_t len;
	FILE *cases;
};

/* Each suite is allocated on its own: its stream keeps the addresses of
 * `buf` and `len`. */
struct ksd_junit {
	struct suite **suites;
	size_t n, cap;
	bool broken; /* out of memory: the document would not be whole */
};

struct ksd_junit *ksd_junit_new(void)
{
	return calloc(1, sizeof(struct ksd_junit));
}

bool ksd_junit_suite(struct ksd_junit *j, const char *input)
{
	if (j->n == j->cap) {
		size_t cap = j->cap ? 2 * j->cap : 8;
		struct suite **grown = realloc(j->suites, cap * sizeof(*grown));
		if (!grown)
			return !(j->broken = true);
		j->suites = grown;
		j->cap = cap;
	}
	struct suite *s = calloc(1, sizeof(*s));
	if (s)
		j->suites[j->n++] = s;
	if (s && (s->name = strdup(input)))
		s->cases = open_memstream(&s->buf, &s->len);
	if (!s || !s->cases)
		return !(j->broken = true);
	return true;
}

/* The suite being filled, or NULL when none could be started. */
static struct suite *current(struct ksd_junit *j)
{
	return j->n && !j->broken ? j->suites[j->n - 1] : NULL;
}

/* Opens a testcase up to its name, which the caller writes and ends with
 * name_end(). */
static FILE *case_begin(struct suite *s)
{
	s->tests++;
	fputs("    <testcase classname=\"", s->cases);
	ksd_fput_xml(s->cases, s->name, false);
	fputs("\" file=\"", s->cases);
	ksd_fput_xml(s->cases, s->name, false);
	fputs("\" name=\"", s->cases);
	return s->cases;
}

static void name_end(FILE *f)
{
	fputs("\">\n", f);
}

/* <failure type="..." message="VERDICT: WHY">BODY</failure>, or <error>. */
static void outcome(FILE *f, const char *element, const char *type, const char *verdict,
                    const char *why, const char *body)
{
	fprintf(f, "      <%s type=\"%s\" message=\"", element, type);
	ksd_fput_xml(f, verdict, false);
	if (why && why[0]) {
		fputs(": ", f);
		ksd_fput_xml(f, why, false);
	}
	fputs("\">", f);
	ksd_fput_xml(f, body, true);
	fprintf(f, "</%s>\n", element);
}

static void case_end(FILE *f)
{
	fputs("    </testcase>\n", f);
}

void junit_instance(struct ksd_junit *j, const char *input, const struct ksd_instance *in,
                    const struct ksd_report_opts *opts)
{
	struct suite *s = current(j);
	if (!s)
		return;
	FILE *f = case_begin(s);
	if (in->db->name) {
		fputs("database ", f);
		ksd_fput_xml(f, in->db->name, false);
		fputs(", ", f);
	}
	fputs("schema ", f);
	ksd_fput_xml(f, in->schema->name, false);
	name_end(f);
	if (in->verdict != KSD_VERDICT_OK) {
		s->failures++;
		/* Why: the reason, else what Kinto would do without the fix. */
		char why[WORDS_REASON_MAX + WORDS_KINTO_MAX];
		words_reason(why, WORDS_REASON_MAX, &in->reason);
		if (!why[0]) {
			char kinto[WORDS_KINTO_MAX];
			words_kinto(kinto, sizeof(kinto), &in->prediction);
			if (kinto[0])
				snprintf(why, sizeof(why), "without the fix Kinto %s", kinto);
		}
		char *fix = in->verdict == KSD_VERDICT_FIX ? fix_string(input, in) : NULL;
		char verdict[96];
		words_verdict(verdict, sizeof(verdict), in->verdict, in->dump);
		outcome(f, "failure", words_status_name(in->verdict), verdict, why,
		        fix ? fix : why);
		free(fix);
	}
	/* The text report as the terminal would show it, without colour. */
	struct ksd_report_opts plain = *opts;
	plain.color = false;
	char *text = NULL;
	size_t len = 0;
	FILE *t = open_memstream(&text, &len);
	if (t) {
		text_report(t, input, in, &plain);
		if (fclose(t) == 0) {
			fputs("      <system-out>", f);
			ksd_fput_xml(f, text, true);
			fputs("</system-out>\n", f);
		}
	}
	free(text);
	case_end(f);
}

/* A testcase of the current suite named `name` that holds only a failure
 * or an error saying `why`. */
static void lone_case(struct ksd_junit *j, const char *name, bool error, const char *type,
                      const char *verdict, const char *why)
{
	struct suite *s = current(j);
	if (!s)
		return;
	FILE *f = case_begin(s);
	fputs(name, f);
	name_end(f);
	if (error)
		s->errors++;
	else
		s->failures++;
	outcome(f, error ? "error" : "failure", type, verdict, why, why);
	case_end(f);
}

void junit_none(struct ksd_junit *j, const char *why, const struct ksd_dump *dump)
{
	char verdict[96];
	words_verdict(verdict, sizeof(verdict), KSD_VERDICT_UNDETERMINED, dump);
	lone_case(j, "Kinto instance", false, words_status_name(KSD_VERDICT_UNDETERMINED), verdict,
	          why);
}

void ksd_junit_error(struct ksd_junit *j, const char *msg, bool partial)
{
	lone_case(j, "read", true, partial ? "partial" : "unreadable",
	          partial ? "read in part (exit 4)" : "unreadable (exit 4)", msg);
}

bool ksd_junit_write(FILE *out, struct ksd_junit *j)
{
	unsigned tests = 0, failures = 0, errors = 0;
	for (size_t i = 0; i < j->n; i++) {
		struct suite *s = j->suites[i];
		if (s->cases && fclose(s->cases) != 0)
			j->broken = true;
		s->cases = NULL;
		tests += s->tests;
		failures += s->failures;
		errors += s->errors;
	}
	if (j->broken)
		return false;
	fprintf(out,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<testsuites name=\"kinto-schema-doctor\" tests=\"%u\" failures=\"%u\" "
	        "errors=\"%u\">\n",
	        tests, failures, errors);
	for (size_t i = 0; i < j->n; i++) {
		const struct suite *s = j->suites[i];
		fputs("  <testsuite name=\"", out);
		ksd_fput_xml(out, s->name, false);
		fprintf(out, "\" tests=\"%u\" failures=\"%u\" errors=\"%u\" skipped=\"0\">\n",
		        s->tests, s->failures, s->errors);
		fwrite(s->buf, 1, s->len, out);
		fputs("  </testsuite>\n", out);
	}
	fputs("</testsuites>\n", out);
	return !ferror(out);
}

void ksd_junit_free(struct ksd_junit *j)
{
	if (!j)
		return;
	for (size_t i = 0; i < j->n; i++) {
		struct suite *s = j->suites[i];
		if (s->cases)
			fclose(s->cases);
		free(s->buf);
		free(s->name);
		free(s);
	}
	free(j->suites);
	free(j);
}
