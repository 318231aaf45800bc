/* Placeholder until inference lands (issue 3). */
#include "ksd_err.h"
#include "ksd_report.h"

int ksd_analyse(FILE *out, const char *input, const struct ksd_catalog *cat,
		const struct ksd_report_opts *opts)
{
	(void)cat, (void)opts;
	fprintf(out, "%s: version inference is not implemented yet\n", input);
	return KSD_EXIT_UNDETERMINED;
}

void ksd_print_versions(FILE *out)
{
	fputs("version table not implemented yet\n", out);
}
