/* Command-line options: the getopt_long table, value checks with one-line usage
 * errors (exit 3) and the --help text; tests/e2e/docs.sh checks that the table,
 * --help and the man page name the same options. */
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_err.h"
#include "ksd_infer.h"
#include "cli/options.h"

void options_usage(FILE *out)
{
	fputs("usage: kinto-schema-doctor [OPTIONS] DUMP...\n"
	      "       kinto-schema-doctor --versions\n"
	      "\n"
	      "Reads pg_dump output of a Kinto database offline (plain SQL, also compressed\n"
	      "with gzip, bzip2, xz, zstd or lz4; pg_dumpall scripts; custom -Fc, tar -Ft or\n"
	      "directory -Fd archives; '-' reads standard input), infers its true storage and\n"
	      "permission schema versions and checks what its metadata table records.\n"
	      "\n"
	      "Options:\n"
	      "  -f, --format=text|json|junit\n"
	      "                          report format; json prints one JSON object per line\n"
	      "                          for each Kinto instance, junit one JUnit XML test\n"
	      "                          report, a testcase per instance (default text)\n"
	      "  -s, --sql               print only the corrective SQL script\n"
	      "  -e, --explain           also list each schema feature, observed and expected\n"
	      "  -a, --assume-version=N  take storage version N (when the schema cannot tell)\n"
	      "  -l, --list              print the extracted catalog instead of the analysis\n"
	      "  -t, --toc               list an archive's TOC like pg_restore -l (implies -l)\n"
	      "      --versions          print the table of Kinto schema versions and exit\n"
	      "      --color=WHEN        colour the text report: auto (default: on a terminal\n"
	      "                          unless NO_COLOR is set), always, never (or --colour)\n"
	      "  -q, --quiet             no progress display on stderr (errors still show)\n"
	      "  -h, --help              show this help and exit\n"
	      "  -V, --version           show the version and exit\n"
	      "\n"
	      "Exit status:\n"
	      "  0  the recorded schema version matches the schema\n"
	      "  1  a fix is needed (the fix is printed)\n"
	      "  2  cannot determine: no Kinto schema, ambiguous or contradictory\n"
	      "  3  usage error\n"
	      "  4  unreadable, corrupt or incomplete input (an archive missing data:\n"
	      "     the report is still given, the same in every output form)\n"
	      "With several instances or files, the highest status wins. The report,\n"
	      "--explain, JSON, --list and --sql exit with the same status.\n"
	      "See kinto-schema-doctor(1) for the reports, the JSON fields and examples.\n",
	      out);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("kinto-schema-doctor: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'kinto-schema-doctor --help' for more information.\n", stderr);
	return KSD_EXIT_USAGE;
}

/* The storage version `arg` names, 0 when it names none. */
static int storage_version(const char *arg)
{
	char *end;
	long v = strtol(arg, &end, 10);
	return *arg == '\0' || *end != '\0' || v < 1 || v > KSD_STORAGE_MAX ? 0 : (int)v;
}

/* Whether the options go together (--toc implies --list): 0, or
 * usage_error()'s status. */
static int combination(struct options *o)
{
	if (!o->help && !o->version && !o->versions && o->ninputs == 0)
		return usage_error("%s", "no DUMP given");
	if (o->toc && !o->list)
		o->list = true;
	static const char *const format_names[] = {
	    [KSD_OUT_JSON] = "--format=json",
	    [KSD_OUT_JUNIT] = "--format=junit",
	};
	const char *format = format_names[o->report.format];
	if (o->report.sql_only && format)
		return usage_error("--sql and %s do not go together", format);
	/* --list prints its own listing, which a JUnit document cannot hold. */
	if (o->list && o->report.format == KSD_OUT_JUNIT)
		return usage_error("%s and --format=junit do not go together",
		                   o->toc ? "--toc" : "--list");
	return 0;
}

int options_parse(struct options *o, int argc, char **argv)
{
	enum { OPT_VERSIONS = 256, OPT_COLOR };
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"sql", no_argument, NULL, 's'},
	    {"explain", no_argument, NULL, 'e'},
	    {"assume-version", required_argument, NULL, 'a'},
	    {"list", no_argument, NULL, 'l'},
	    {"toc", no_argument, NULL, 't'},
	    {"versions", no_argument, NULL, OPT_VERSIONS},
	    {"color", required_argument, NULL, OPT_COLOR},
	    {"colour", required_argument, NULL, OPT_COLOR},
	    {"quiet", no_argument, NULL, 'q'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof(*o));
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, ":f:sea:ltqhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				o->report.format = KSD_OUT_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o->report.format = KSD_OUT_JSON;
			else if (strcmp(optarg, "junit") == 0)
				o->report.format = KSD_OUT_JUNIT;
			else
				return usage_error("unknown format '%s' (text, json or junit)",
				                   optarg);
			break;
		case 's':
			o->report.sql_only = true;
			break;
		case 'e':
			o->report.explain = true;
			break;
		case 'a':
			if (!(o->report.assume_version = storage_version(optarg))) {
				char fmt[80];
				snprintf(fmt, sizeof(fmt),
				         "--assume-version takes a storage version from 1 to %d, "
				         "not '%%s'",
				         KSD_STORAGE_MAX);
				return usage_error(fmt, optarg);
			}
			break;
		case 'l':
			o->list = true;
			break;
		case 't':
			o->toc = true;
			break;
		case OPT_VERSIONS:
			o->versions = true;
			break;
		case OPT_COLOR:
			if (strcmp(optarg, "auto") == 0)
				o->color = KSD_COLOR_AUTO;
			else if (strcmp(optarg, "always") == 0)
				o->color = KSD_COLOR_ALWAYS;
			else if (strcmp(optarg, "never") == 0)
				o->color = KSD_COLOR_NEVER;
			else
				return usage_error("--color takes auto, always or never, not '%s'",
				                   optarg);
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'h':
			o->help = true;
			break;
		case 'V':
			o->version = true;
			break;
		case ':':
			return usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	o->inputs = argv + optind;
	o->ninputs = argc - optind;
	return combination(o);
}
