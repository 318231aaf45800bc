/* A wrong-base migration's history, in words (history.c). */
#ifndef KSD_REPORT_HISTORY_H
#define KSD_REPORT_HISTORY_H

#include "ksd_infer.h"

/* The PostgreSQL error a failing step raises, or NULL. */
const char *words_error(enum ksd_cause c);
/* How migrations from a wrong base made the schema: "storage version 17
 * when flushed; Kinto >= 12 assumed 20 and ran 020->021, 021->022;
 * 022->023 fails: column "deleted" does not exist"; "" when they did not. */
#define WORDS_HISTORY_MAX 512
void words_history(char *buf, size_t cap, const struct ksd_history *h);

#endif
