/* Placeholder until the archive readers land (issue 5). */
#include "ksd_report.h"

void ksd_list_toc(FILE *out, const char *input, const struct ksd_catalog *cat)
{
	(void)cat;
	fputs("no TOC listing yet for ", out);
	ksd_fput_safe(out, input);
	putc('\n', out);
}
