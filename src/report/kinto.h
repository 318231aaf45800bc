/* What Kinto would do, in words (kinto.c). */
#ifndef KSD_REPORT_KINTO_H
#define KSD_REPORT_KINTO_H

#include "ksd_infer.h"

/* What Kinto would do; a long list of skipped changes is cut at
 * WORDS_KINTO_MAX, as it always was. */
#define WORDS_KINTO_MAX 768
void words_kinto(char *buf, size_t cap, const struct ksd_prediction *p);

#endif
