/* Placeholder until the directory-format reader lands (issue 5). */
#include "ksd_reader.h"

int ksd_read_directory(const char *dir, struct ksd_extract *x, struct ksd_catalog *cat,
		       struct ksd_err *err)
{
	(void)dir, (void)x, (void)cat;
	return ksd_err_at_offset(err, 0, "directory-format archives are not supported yet");
}
