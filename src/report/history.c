/* The words for a wrong-base migration's history: the `history` line of
 * the text report, its SQL comment and the JSON `history` object. */
#include <string.h>

#include "report.h"

const char *report_step_error(enum ksd_step_error e)
{
	static const char *const words[] = {
	    [KSD_STEP_OK] = NULL,
	    [KSD_STEP_NO_COLLECTION_ID] = "column \"collection_id\" does not exist",
	    [KSD_STEP_NO_TIMESTAMPS] = "relation \"timestamps\" does not exist",
	    [KSD_STEP_NO_DELETED_COLUMN] = "column \"deleted\" does not exist",
	};
	return words[e];
}

/* "17", "16 or 17", "10-13". */
static void origin(FILE *out, ksd_vset s)
{
	char set[96];
	report_vset(set, sizeof(set), s);
	for (const char *p = set; *p; p++)
		if (p[0] == ',' && p[1] == ' ' && !strchr(p + 1, ',')) {
			fprintf(out, "%.*s or %s", (int)(p - set), set, p + 2);
			return;
		}
	fputs(set, out);
}

void report_history(FILE *out, const struct ksd_history *h)
{
	fputs("storage version ", out);
	origin(out, h->origin);
	if (h->flushed)
		fputs(" when flushed; Kinto >= 12 assumed 20", out);
	else
		fprintf(out, " when %d was recorded; Kinto assumed %d", h->assumed, h->assumed);
	fputs(" and ran ", out);
	for (int k = h->assumed + 1; k <= h->top; k++)
		fprintf(out, "%s%03d->%03d", k > h->assumed + 1 ? ", " : "", k - 1, k);
	if (h->failed)
		fprintf(out, "; %03d->%03d fails: %s", h->failed - 1, h->failed,
		        report_step_error(h->error));
	else
		fputs("; every step committed", out);
}

static void json_vset(FILE *out, ksd_vset s)
{
	putc('[', out);
	const char *sep = "";
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		if (s & KSD_VBIT(v)) {
			fprintf(out, "%s%d", sep, v);
			sep = ", ";
		}
	putc(']', out);
}

void report_history_json(FILE *out, const struct ksd_history *h)
{
	if (!h->found) {
		fputs("null", out);
		return;
	}
	int only = 0, n = 0;
	for (int v = 1; v <= KSD_STORAGE_MAX; v++)
		if (h->origin & KSD_VBIT(v))
			only = v, n++;
	fputs("{\"origin\": {\"version\": ", out);
	if (n == 1)
		fprintf(out, "%d", only);
	else
		fputs("null", out);
	fputs(", \"candidates\": ", out);
	json_vset(out, h->origin);
	fprintf(out, "}, \"assumed\": %d, \"applied\": ", h->assumed);
	json_vset(out, KSD_VRANGE(h->assumed + 1, h->top));
	fputs(", \"failed\": ", out);
	if (h->failed)
		fprintf(out, "%d", h->failed);
	else
		fputs("null", out);
	fputs(", \"error\": ", out);
	ksd_fput_json(out, report_step_error(h->error));
	putc('}', out);
}
