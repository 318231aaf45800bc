/* Placeholder until the tar-format reader lands (issue 5). */
#include "ksd_reader.h"

int ksd_read_tar(struct ksd_source *src, struct ksd_extract *x, struct ksd_catalog *cat,
		 struct ksd_err *err)
{
	(void)src, (void)x, (void)cat;
	return ksd_err_at_offset(err, 0, "tar-format archives are not supported yet");
}
