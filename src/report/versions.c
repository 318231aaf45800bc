/* --versions: the version table (src/facts/versions.c) for a person. */
#include <stdio.h>

#include "ksd_infer.h"
#include "ksd_report.h"

void ksd_print_versions(FILE *out)
{
	fputs("Kinto PostgreSQL storage schema versions\n\n", out);
	fprintf(out, "%3s  %-52s  %s\n", "v", "first release (transit: never a release target)",
	        "change made by the migration to it");
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		fprintf(out, "%3d  %-52s  %s\n", v, ksd_storage_releases(v), ksd_storage_change(v));
	fputs("\nPermission schema versions\n\n", out);
	for (int v = 1; v <= KSD_PERMISSION_MAX; v++)
		fprintf(out, "%3d  %-52s  %s\n", v, ksd_permission_releases(v),
		        ksd_permission_change(v));
	fputs("\nLook-alikes: 1/2, 10/11 and 11/12 cannot be told apart from the schema alone;\n"
	      "recording the lowest is harmless, since re-running those migrations changes "
	      "nothing.\n",
	      out);
}
