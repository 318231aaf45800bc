/* Opening the files of a directory archive: ksd_read_dump opens toc.dat with
 * it, the directory reader each data file. */
#ifndef KSD_READER_DIRECTORY_H
#define KSD_READER_DIRECTORY_H

#include "ksd_dump.h"
#include "ksd_source.h"

/* Opens dir/name, or the first of name.gz, name.lz4 and name.zst that is
 * there (the names pg_dump -Fd writes); NULL when none is. Only regular
 * files: a FIFO would block and a device would never end. The source is
 * named by its path, which the dump keeps. */
struct ksd_source *directory_open(const char *dir, const char *name, struct ksd_dump *dump);

#endif
