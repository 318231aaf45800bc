/* Archive header and TOC decoding shared by the custom, tar and directory
 * readers: bounded int/string/offset primitives gated by archive version,
 * and the TOC walk that feeds each entry to the dump and the extractor.
 * The metadata table's data stream goes through toc_data.h. */
#ifndef KSD_TOC_H
#define KSD_TOC_H

#include <stdbool.h>
#include <stdint.h>

#include "ksd_dump.h"
#include "ksd_err.h"
#include "ksd_extract.h"
#include "ksd_source.h"
#include "reader/codec.h"

/* Newest archive minor version whose layout we know (pg_dump 17 and 18). */
#define TOC_VMIN_MAX 16

/* Header format bytes. */
#define TOC_FMT_CUSTOM 1
#define TOC_FMT_TAR    3 /* also written by the directory format */

/* Custom-format offset flags. */
enum toc_pos { TOC_POS_NOT_SET = 1, TOC_POS_SET = 2, TOC_NO_DATA = 3 };

/* Table data entries read per archive: the metadata table's, one per Kinto
 * schema; when rows are counted, every table's (a Kinto schema has seven).
 * More are skipped as a partial result. */
#define TOC_MAX_WANTS 256

struct toc {
	struct ksd_source *src;
	struct ksd_err *err;
	struct ksd_dump *dump;
	struct ksd_extract *x;
	const char *member; /* "toc.dat" for tar and directory, NULL for custom */
	int vmin, int_size, off_size;
	enum ksd_compression alg; /* what custom data blocks are compressed with */
	bool custom;              /* the per-entry extra field is an offset, not a file name */
	long long count;          /* entries announced */
	bool data_seen;           /* some entry has table data */
	bool quiet;               /* decode only: a second copy of the TOC */
};

/* One decoded entry, valid during the entry callback. Strings may be NULL. */
struct toc_entry {
	int dump_id;
	bool had_dumper;
	const char *tag, *desc, *defn, *copy_stmt, *ns, *owner;
	int pos_flag;     /* custom: enum toc_pos */
	uint64_t pos;     /* custom: block offset when TOC_POS_SET */
	const char *file; /* tar, directory: data file name, "" for none */
	bool has_data;    /* the entry points at data (block or file) */
	bool wanted;      /* a metadata table's data, or one the extractor wants: read it */
};

/* A table data entry to read after the TOC. */
struct toc_want {
	int dump_id;
	int pos_flag;
	uint64_t pos;
	char *file;
	char *copy_stmt; /* NULL when the data is INSERT statements */
	char *ns;
	char *tag; /* the table */
	bool done;
};

/* Reads the header up to the TOC count (magic included) and fills
 * dump->archive and the version strings. KSD_OK or KSD_FATAL. */
int toc_read_head(struct toc *t, int want_format);

/* Records the first error at offset `at`, naming t->member. KSD_FATAL. */
int toc_fail(struct toc *t, long long at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Primitives. An int is sign byte + int_size magnitude bytes (no sign byte
 * in archive 1.0); a string is an int length (negative = NULL) + bytes. */
int toc_read_int(struct toc *t, int64_t *v);
/* *s is malloc'd and NUL-terminated, or NULL for a NULL string. */
int toc_read_str(struct toc *t, char **s, size_t max, const char *what);
int toc_skip_str(struct toc *t, bool *was_null);
int toc_read_offset(struct toc *t, int *flag, uint64_t *pos);

/* Walks every TOC entry: adds it to the dump's TOC, feeds its SQL to the
 * extractor, notes table data, and calls `fn` for the format's own needs
 * (custom offsets, file names). Wanted entries are appended to wants[].
 * With t->quiet, only decodes and calls `fn`.
 * KSD_OK, KSD_WARN (partial: err says why) or KSD_FATAL. */
typedef int toc_entry_fn(void *ctx, const struct toc_entry *e);
int toc_read_entries(struct toc *t, toc_entry_fn *fn, void *ctx, struct toc_want *wants,
                     size_t *nwants);
void toc_wants_free(struct toc_want *wants, size_t n);

/* For archives older than 1.13, whose SQL is unqualified: unqualified names
 * resolve in the entry's namespace `ns` (NULL or "": the dump's own). */
void toc_set_namespace(struct toc *t, const char *ns);

/* Whether `pg_restore -l` lists the entry (its default selection). */
bool toc_selected(const char *desc, const char *tag, const char *defn, bool had_dumper);

/* Validates a tar/directory data file name: digits then ".dat". */
bool toc_valid_file(const char *name);

/* A table's data in a file (tar member, directory file) named as pg_dump
 * names them: what the completeness check looks for. BLOBS entries name
 * files that need not exist under that name. */
bool toc_table_data_file(const struct toc_entry *e);

/* The end of an archive reader: its result `rc`, unless it read the
 * archive whole but found data missing (the dump's archive.nmissing):
 * then KSD_INCOMPLETE, err naming the first entries. */
int toc_complete(const struct ksd_dump *dump, struct ksd_err *err, int rc);

/* Whether a wanted table's data was found missing by the completeness
 * check: then it is not looked for again. */
bool toc_want_missing(const struct toc *t, const struct toc_want *w);

#endif
