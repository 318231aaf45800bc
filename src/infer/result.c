/* One dump's result, computed once from its catalog: its Kinto instances
 * judged, the schemas that only bear Kinto's table names, the restore
 * facts and the exit status. The report renders it and computes nothing. */
#include <stdlib.h>

#include "infer/restore.h"
#include "infer/infer.h"
#include "ksd_infer.h"

/* Every schema of the catalog holding Kinto's names without its signature,
 * in r->not_kinto; false when out of memory. */
static bool not_kinto(const struct ksd_catalog *cat, struct ksd_result *r)
{
	size_t n = ksd_not_kinto(cat, NULL, 0);
	if (!n)
		return true;
	r->not_kinto = malloc(n * sizeof(*r->not_kinto));
	if (!r->not_kinto)
		return false;
	r->nnot_kinto = ksd_not_kinto(cat, r->not_kinto, n);
	return true;
}

bool ksd_infer(const struct ksd_dump *dump, const struct ksd_catalog *cat, int assume_version,
               struct ksd_result *r)
{
	*r = (struct ksd_result){.status = KSD_EXIT_UNDETERMINED};
	ksd_infer_restore(dump, &r->restore);
	if (!not_kinto(cat, r) || !ksd_infer_catalog(dump, cat, assume_version, &r->in, &r->n))
		return false;
	if (r->n)
		r->status = KSD_EXIT_OK;
	for (size_t i = 0; i < r->n; i++) {
		r->in[i].restore = &r->restore;
		if (ksd_verdict_exit(r->in[i].verdict) > r->status)
			r->status = ksd_verdict_exit(r->in[i].verdict);
	}
	return true;
}

void ksd_result_free(struct ksd_result *r)
{
	free(r->in);
	free(r->not_kinto);
	*r = (struct ksd_result){.status = KSD_EXIT_UNDETERMINED};
}
