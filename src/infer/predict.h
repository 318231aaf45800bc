/* What Kinto would do with one instance after a restore. */
#ifndef KSD_INFER_PREDICT_H
#define KSD_INFER_PREDICT_H

#include "ksd_infer.h"

/* Fills in->prediction and the versions Kinto reads (storage.reads,
 * permission.reads) from the instance's verdict and metadata, and
 * in->after_fix, what Kinto does once the fix has run. */
void predict_instance(struct ksd_instance *in);

#endif
