/* Kinto's names for the columns of its rows (ksd_facts.h). */
#include <string.h>

#include "ksd_facts.h"

/* Each row column's names over Kinto's history, current name first. */
static const char *const row_names[KSD_ROW_NCOLUMNS][3] = {
    [KSD_ROW_ID] = {"id", NULL, NULL},
    [KSD_ROW_PARENT] = {"parent_id", "user_id", NULL},
    [KSD_ROW_RESOURCE] = {"resource_name", "collection_id", NULL},
    [KSD_ROW_DELETED] = {"deleted", NULL, NULL},
};

int ksd_row_column(const char *name)
{
	for (int k = 0; k < KSD_ROW_NCOLUMNS; k++)
		for (int j = 0; row_names[k][j]; j++)
			if (strcmp(name, row_names[k][j]) == 0)
				return k;
	return -1;
}
