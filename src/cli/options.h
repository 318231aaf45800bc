/* Command-line options: parsing and the usage text. */
#ifndef KSD_OPTIONS_H
#define KSD_OPTIONS_H

#include <stdbool.h>

#include "ksd_report.h"

enum ksd_color { KSD_COLOR_AUTO, KSD_COLOR_ALWAYS, KSD_COLOR_NEVER };

struct options {
	struct ksd_report_opts report;
	bool list, toc, versions, help, version, quiet;
	enum ksd_color color;
	char **inputs;
	int ninputs;
};

/* Fills `o` from argv. Returns 0, or KSD_EXIT_USAGE after printing one line
 * to stderr. */
int options_parse(struct options *o, int argc, char **argv);
void options_usage(FILE *out);

#endif
