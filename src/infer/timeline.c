/* The timeline of an instance (see timeline.h). Only created_at and the
 * dump carry times: Kinto writes none with its version rows. A fresh
 * install writes created_at and one version row (none for version 1); a
 * chain from version 1 writes created_at, then a row per step. After a flush and a guess, the
 * rows above the guessed version are the steps that ran on the wrong base. */
#include <string.h>

#include "infer/metadata.h"
#include "infer/timeline.h"

size_t ksd_infer_timeline(const struct ksd_instance *in, struct ksd_event *ev)
{
	int rows[KSD_MAX_EVENTS];
	const char *created_at;
	size_t nrows =
	    metadata_storage_rows(&in->schema->metadata, rows, KSD_MAX_EVENTS - 4, &created_at);
	if (nrows > KSD_MAX_EVENTS - 4)
		nrows = KSD_MAX_EVENTS - 4;
	const struct ksd_history *h = &in->history;
	bool flushed = in->meta == KSD_META_FLUSHED || (h->found && h->flushed);
	size_t n = 0;
	/* After a flush, the rows left are Kinto's writes since: no install. */
	if (created_at || (nrows && !flushed)) {
		/* One row of a version no release installs (a transit one) is a
		 * chain of one step; no row at all, an install of version 1. */
		const char *rel = nrows == 1 ? ksd_storage_releases(rows[0]) : NULL;
		bool fresh = nrows == 0 || (rel && strncmp(rel, "transit", 7) != 0 && rows[0] > 1);
		ev[n++] = (struct ksd_event){.kind = KSD_EV_INSTALL,
		                             .time = created_at,
		                             .version = fresh && nrows ? rows[0] : 1,
		                             .fresh = fresh};
	}
	if (flushed)
		ev[n++] = (struct ksd_event){.kind = KSD_EV_FLUSH};
	bool guessed = false;
	for (size_t i = (n && ev[0].fresh) ? 1 : 0; i < nrows; i++) {
		bool wrong = h->found && rows[i] > h->assumed;
		if (wrong && !guessed) {
			ev[n++] = (struct ksd_event){.kind = KSD_EV_GUESS, .version = h->assumed};
			guessed = true;
		}
		ev[n++] = (struct ksd_event){
		    .kind = KSD_EV_STEP, .version = rows[i], .wrong_base = wrong};
	}
	if (h->found && !guessed)
		ev[n++] = (struct ksd_event){.kind = KSD_EV_GUESS, .version = h->assumed};
	if (h->found && h->failed)
		ev[n++] = (struct ksd_event){.kind = KSD_EV_FAILS, .version = h->failed};
	ev[n++] = (struct ksd_event){.kind = KSD_EV_DUMP, .time = in->dump->prov.created};
	return n;
}
