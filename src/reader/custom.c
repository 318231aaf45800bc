/* Placeholder until the custom-format reader lands (issue 5). */
#include "ksd_reader.h"

int ksd_read_custom(struct ksd_source *src, struct ksd_extract *x, struct ksd_catalog *cat,
		    struct ksd_err *err)
{
	(void)src, (void)x, (void)cat;
	return ksd_err_at_offset(err, 0, "custom-format archives are not supported yet");
}
