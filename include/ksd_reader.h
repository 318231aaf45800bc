/* Format detection and the format readers. Each reader turns one dump into
 * statements and metadata rows fed to the extractor. Readers never print:
 * they return KSD_OK, KSD_WARN (partial, err says why) or KSD_FATAL. */
#ifndef KSD_READER_H
#define KSD_READER_H

#include "input/detect.h"
#include "ksd_catalog.h"
#include "ksd_err.h"
#include "ksd_extract.h"
#include "ksd_source.h"

int ksd_read_plain(struct ksd_source *src, struct ksd_extract *x, struct ksd_err *err);
int ksd_read_custom(struct ksd_source *src, struct ksd_extract *x, struct ksd_catalog *cat,
                    struct ksd_err *err);
int ksd_read_tar(struct ksd_source *src, struct ksd_extract *x, struct ksd_catalog *cat,
                 struct ksd_err *err);
/* `dir` is a directory holding toc.dat. */
int ksd_read_directory(const char *dir, struct ksd_extract *x, struct ksd_catalog *cat,
                       struct ksd_err *err);

/* Opens and reads any dump (path, directory or "-"), detecting its format.
 * Fills cat->format and cat->compression. */
int ksd_read_dump(const char *path, struct ksd_catalog *cat, struct ksd_err *err);

#endif
