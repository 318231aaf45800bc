/* A wrong-base migration's history in words: where the schema came from,
 * the version Kinto assumed and why, the steps that ran and the one that
 * fails, with the PostgreSQL error it raises, and what was lost before the
 * dump. */
#include <stdio.h>

#include "report/history.h"
#include "report/words.h"

const char *words_error(enum ksd_cause c)
{
	static const char *const errors[] = {
	    [KSD_CAUSE_NO_COLLECTION_ID] = "column \"collection_id\" does not exist",
	    [KSD_CAUSE_NO_TIMESTAMPS] = "relation \"timestamps\" does not exist",
	    [KSD_CAUSE_NO_RECORDS] = "relation \"records\" does not exist",
	    [KSD_CAUSE_NO_DELETED_COLUMN] = "column \"deleted\" does not exist",
	    [KSD_CAUSE_018_NEVER_RAN] = "column \"deleted\" does not exist",
	    [KSD_CAUSE_DATA_JSON] =
	        "data type json has no default operator class for access method \"btree\"",
	};
	return c < sizeof(errors) / sizeof(errors[0]) ? errors[c] : NULL;
}

void words_history(char *buf, size_t cap, const struct ksd_history *h)
{
	buf[0] = '\0';
	if (!h->found)
		return;
	words_add(buf, cap, "storage version ");
	words_origins(buf, cap, h->origin);
	if (h->flushed)
		words_add(buf, cap, " when flushed; Kinto >= 12 assumed 20");
	else
		words_add(buf, cap, " when %d was recorded; Kinto assumed %d", h->assumed,
		          h->assumed);
	words_add(buf, cap, " and ran ");
	for (int k = h->assumed + 1; k <= h->top; k++)
		words_add(buf, cap, "%s%03d->%03d", k > h->assumed + 1 ? ", " : "", k - 1, k);
	if (h->failed && words_error(h->cause))
		words_add(buf, cap, "; %03d->%03d fails: %s", h->failed - 1, h->failed,
		          words_error(h->cause));
	else if (h->failed && h->cause == KSD_CAUSE_MISSING)
		words_add(buf, cap, "; %03d->%03d fails: no %s", h->failed - 1, h->failed,
		          h->missing);
	else if (h->failed)
		words_add(buf, cap, "; %03d->%03d fails on the newer schema", h->failed - 1,
		          h->failed);
	else
		words_add(buf, cap, "; every step committed");
	if (h->restamped)
		words_add(
		    buf, cap,
		    "; %03d->%03d rewrote every record under the version %d trigger, which stamped "
		    "each with the time of that run: their own last_modified times are lost (an "
		    "earlier backup holds them)",
		    h->restamped - 1, h->restamped, ksd_vset_lowest(h->origin));
	if (h->lost)
		words_add(
		    buf, cap,
		    "; %03d->%03d deleted rows of the obsolete table deleted that no repair brings "
		    "back (records holds their tombstones; an earlier backup holds the rows)",
		    h->lost - 1, h->lost);
}
