/* An instance's timeline: what its metadata rows, the history of a
 * wrong-base migration and the dump itself say happened, in order. Events
 * as codes and numbers; src/report/ words them. */
#ifndef KSD_INFER_TIMELINE_H
#define KSD_INFER_TIMELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "ksd_infer.h"

enum ksd_event_kind {
	KSD_EV_INSTALL, /* created_at: `fresh` at `version` (one row or none), or a chain from 1 */
	KSD_EV_STEP,    /* a version row: the step to `version`, `wrong_base` after a guess */
	KSD_EV_FLUSH,   /* the rows were emptied */
	KSD_EV_GUESS,   /* Kinto started from `version` (20 after a flush, or as recorded) */
	KSD_EV_FAILS,   /* the step to `version` fails on the result */
	KSD_EV_DUMP,    /* the dump was taken */
};

struct ksd_event {
	enum ksd_event_kind kind;
	const char *time; /* as the dump spells it; NULL when it does not say */
	int version;      /* -1: a row that is not a number */
	bool fresh, wrong_base;
};

/* The most events kept: version rows beyond it are left out. */
#define KSD_MAX_EVENTS 64

/* Fills `ev` (KSD_MAX_EVENTS) and returns the count. */
size_t ksd_infer_timeline(const struct ksd_instance *in, struct ksd_event *ev);

#endif
