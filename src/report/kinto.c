/* What Kinto would do with the dump restored, in words: how it reads its
 * storage version, the steps it then runs, re-runs or skips and the first
 * that fails; the same for the permission schema. */
#include <stdio.h>

#include "report/kinto.h"
#include "report/words.h"

/* How a step fails, after "<step> fails ". */
static const char *const cause_words[] = {
    [KSD_CAUSE_NONE] = "",
    [KSD_CAUSE_LATER_SCHEMA] = "and is rolled back, Kinto stops there",
    [KSD_CAUSE_NO_RECORDS] = "(no table records) and is rolled back, Kinto stops there",
    [KSD_CAUSE_NO_DELETED_INDEX] = "because index " KSD_DELETED_INDEX " does not exist",
    [KSD_CAUSE_NO_COLLECTION_ID] =
        "(no collection_id column) and is rolled back, Kinto stops there",
    [KSD_CAUSE_NO_TIMESTAMPS] = "(no timestamps table) and is rolled back, Kinto stops there",
    [KSD_CAUSE_NO_DELETED_COLUMN] = "because objects has no column deleted",
    [KSD_CAUSE_018_NEVER_RAN] = "because objects has no column deleted (migration 018 never ran)",
    [KSD_CAUSE_DATA_JSON] = "(data is json, not jsonb: its index has no btree operator class) and "
                            "is rolled back, Kinto stops there",
};

/* How Kinto reads the version, before what it then runs. */
static const char *const read_words[] = {
    [KSD_READ_NONE] = "",
    [KSD_READ_NO_TABLE] = "its version query fails: there is no metadata table",
    [KSD_READ_NO_DATA] = "cannot tell: the dump holds no table data",
    [KSD_READ_CREATED_AT] = "finds created_at but no version row, assumes 1; ",
    [KSD_READ_GUESS] = "finds no version row and no created_at, warns and guesses 20; ",
    [KSD_READ_NOT_A_NUMBER] = "fails: the top storage_schema_version value is not a number",
    [KSD_READ_RECORDED] = "",
};

static void storage_words(char *buf, size_t cap, const struct ksd_storage_run *r)
{
	int g = r->from, t = r->truth, f = r->fails, max = KSD_STORAGE_MAX;
	const char *cause =
	    r->cause < sizeof(cause_words) / sizeof(cause_words[0]) ? cause_words[r->cause] : "";
	char named[256];
	if (r->cause == KSD_CAUSE_MISSING) {
		snprintf(named, sizeof(named), "(no %s) and is rolled back, Kinto stops there",
		         r->missing ? r->missing : "");
		cause = named;
	} else if (r->cause == KSD_CAUSE_EXISTS) {
		/* A name from the dump: the callers escape what they print. */
		snprintf(named, sizeof(named),
		         "because %s already exists, not as Kinto creates it: rolled back, Kinto "
		         "stops there",
		         r->clash ? r->clash : "");
		cause = named;
	}
	if (r->read == KSD_READ_TOO_NEW)
		words_add(buf, cap, "reads %d, newer than any Kinto release it knows; ", g);
	else
		words_add(buf, cap, "%s", read_words[r->read]);
	switch (r->run) {
	case KSD_RUN_NONE:
		break;
	case KSD_RUN_UP_TO_DATE:
		words_add(buf, cap, "finds version %d: up to date, runs nothing", t);
		break;
	case KSD_RUN_FORWARD:
		if (f)
			words_add(
			    buf, cap,
			    "finds version %d and runs migrations from %d: %03d->%03d fails %s", t,
			    t + 1, f, f + 1, cause);
		else
			words_add(buf, cap, "finds version %d and runs migrations %d..%d normally",
			          t, t + 1, max);
		break;
	case KSD_RUN_RERUN:
		words_add(buf, cap,
		          "re-runs migrations %03d->%03d..%03d->%03d on a version %d schema", g,
		          g + 1, t - 1, t, t);
		for (int step = g; step < t; step++)
			if (r->damages & KSD_VBIT(step))
				words_add(buf, cap, "; %s", ksd_rerun_step(step)->effect);
		if (f)
			words_add(buf, cap, ": %03d->%03d fails %s", f, f + 1, cause);
		else if (t == max)
			words_add(buf, cap, "; each succeeds without changing the schema");
		else
			words_add(buf, cap, "; then runs %d..%d", t + 1, max);
		break;
	case KSD_RUN_FAIL_FIRST:
		words_add(buf, cap, "runs %03d->%03d on a version %d schema: it fails %s", f, f + 1,
		          t, cause);
		break;
	case KSD_RUN_FAIL_LATER:
		if (f == g + 1)
			words_add(
			    buf, cap,
			    "runs %03d->%03d on a version %d schema: it succeeds, then %03d->%03d "
			    "fails %s, leaving a hybrid that no version describes",
			    g, g + 1, t, f, f + 1, cause);
		else
			words_add(
			    buf, cap,
			    "runs %03d->%03d..%03d->%03d on a version %d schema: they succeed, "
			    "then %03d->%03d fails %s, leaving a hybrid that no version describes",
			    g, g + 1, f - 1, f, t, f, f + 1, cause);
		break;
	case KSD_RUN_SKIP_COLLATION:
		words_add(
		    buf, cap,
		    "completes to %d, but migration%s %d..%d (COLLATE \"C\" on the id columns) "
		    "never run%s",
		    max, g > t + 1 ? "s" : "", t + 1, g, g > t + 1 ? "" : "s");
		break;
	case KSD_RUN_SKIP:
		words_add(buf, cap, "skips migrations %d..%d", t + 1, g);
		for (int v = t + 1; v <= g; v++)
			words_add(buf, cap, "%s%d: %s", v == t + 1 ? " (" : "; ", v,
			          ksd_storage_change(v));
		words_add(buf, cap, ")%s", g < max ? ", then runs the later ones on it" : "");
		break;
	case KSD_RUN_UNDESCRIBED:
		if (f)
			words_add(buf, cap, "runs migrations from %d: %03d->%03d fails %s", g + 1,
			          f, f + 1, cause);
		else if (g == max)
			words_add(buf, cap, "reads %d and runs nothing", g);
		else
			words_add(
			    buf, cap,
			    "reads %d and runs migrations %d..%d on a schema no version describes",
			    g, g + 1, max);
		break;
	}
}

void words_kinto(char *buf, size_t cap, const struct ksd_prediction *p)
{
	const struct ksd_permission_run *pm = &p->permission;
	buf[0] = '\0';
	storage_words(buf, cap, &p->storage);
	if (pm->run == KSD_RUN_NONE)
		return;
	words_add(buf, cap, "%spermission: reads %d", buf[0] ? "; " : "", pm->from);
	if (pm->run == KSD_RUN_RERUN)
		words_add(buf, cap, " and re-runs 001->002 (harmless, adds the row)");
	else
		words_add(buf, cap, " and skips 001->002: COLLATE \"C\" never applied");
}
