/* The format readers and the one door to them. Each reader turns one dump
 * into statements and data rows fed to the extractor, the schema's only way
 * in, and records the dump's own facts (ksd_dump.h); ksd_read_dump detects
 * the format and picks the reader from one table. Readers never print: they
 * return KSD_OK, KSD_WARN (partial, err says why) or KSD_FATAL. */
#ifndef KSD_READER_H
#define KSD_READER_H

#include "ksd_catalog.h"
#include "ksd_dump.h"
#include "ksd_err.h"
#include "ksd_extract.h"
#include "ksd_source.h"

/* What every reader is given. */
struct ksd_read {
	struct ksd_source *src; /* the dump; for a directory archive, its toc.dat */
	struct ksd_extract *x;  /* the schema's way into the catalog */
	struct ksd_dump *dump;  /* where the dump's own facts go */
	struct ksd_err *err;
	const char *dir; /* a directory archive's directory, where its data files are */
};

/* The one shape of a reader. */
typedef int ksd_reader_fn(const struct ksd_read *r);

ksd_reader_fn ksd_read_plain;     /* plain SQL and pg_dumpall */
ksd_reader_fn ksd_read_custom;    /* pg_dump -Fc */
ksd_reader_fn ksd_read_tar;       /* pg_dump -Ft */
ksd_reader_fn ksd_read_directory; /* pg_dump -Fd: r->src is toc.dat, r->dir is set */

/* Opens and reads any dump (path, directory or "-"), detecting its format:
 * its facts into `dump`, its schema into `cat`. With count_rows, every
 * table's rows and the inventory are counted (what --list and JSON show);
 * otherwise table data is skipped unread. */
int ksd_read_dump(const char *path, bool count_rows, struct ksd_dump *dump, struct ksd_catalog *cat,
                  struct ksd_err *err);

#endif
