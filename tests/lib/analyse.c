/* Test library: see analyse.h. */
#include "analyse.h"

int analyse_catalog(FILE *out, const char *input, const struct ksd_dump *dump,
                    const struct ksd_catalog *cat, const struct ksd_report_opts *o, bool list)
{
	struct ksd_result res;
	bool inferred = ksd_infer(dump, cat, o->assume_version, &res);
	if (list)
		ksd_list_catalog(out, input, dump, cat, &res);
	else if (inferred)
		ksd_analyse(out, input, dump, cat, &res, o);
	int status = res.status;
	ksd_result_free(&res);
	return status;
}
