/* Test library: input for the readers. Bytes are staged where a reader opens
 * them (a regular file, or a pipe on standard input), or laid out as the files
 * of a directory archive, and a reader is run over them. The suites and the
 * fuzz harnesses share it, so it does not use Check: a test whose input
 * cannot be set up aborts rather than pass on nothing. */
#ifndef FEED_H
#define FEED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ksd_catalog.h"
#include "ksd_dump.h"
#include "ksd_err.h"

enum feed_via {
	FEED_FILE, /* a regular file: seekable, its size known */
	FEED_PIPE  /* standard input from a pipe, as `pg_dump | kinto-schema-doctor -` */
};

/* Puts `len` bytes where a reader can open them and returns the name to open:
 * "/dev/fd/N", this process's one scratch file (unlinked already), or "-".
 * Both stay valid until the next call, which reuses the file. */
const char *feed_stage(const void *data, size_t len, enum feed_via via);

struct feed_result {
	int rc;
	struct ksd_err err;
	struct ksd_dump *dump; /* the caller frees both (feed_free) */
	struct ksd_catalog *cat;
	uint64_t bytes_read; /* from the file or pipe */
};

void feed_free(struct feed_result *r);

/* Whether the reads of feed_read and feed_read_path count every table's
 * rows, as --format=json and --list have them (false at first). */
extern bool feed_count_rows;

/* Runs a reader over `len` bytes. KSD_FMT_UNKNOWN reads them as the tool
 * reads a dump (ksd_read_dump: detection, then the reader). KSD_FMT_CUSTOM
 * and KSD_FMT_TAR run that reader itself, as tests of a cut or damaged
 * archive need: detection would not call it. */
struct feed_result feed_read(enum ksd_dump_format format, const void *data, size_t len,
                             enum feed_via via);

/* Reads the dump at `path` (a file or a directory) as the tool does. */
struct feed_result feed_read_path(const char *path);

/* The metadata rows a read found in the public schema of the first
 * database; 0 without one. */
size_t feed_public_rows(const struct ksd_catalog *cat);

/* A new empty directory under $TMPDIR (malloc'd path); files put into it;
 * emptied; removed with all it holds, and the path freed. */
char *feed_dir_new(void);
void feed_dir_put(const char *dir, const char *name, const void *data, size_t len);
void feed_dir_clear(const char *dir);
void feed_dir_free(char *dir);

/* The path of testdata/archive/`name` (make check sets KSD_TESTDATA), and
 * that file's bytes in a malloc'd buffer (fixtures are small). */
void feed_fixture(char *out, size_t cap, const char *name);
unsigned char *feed_fixture_bytes(const char *name, size_t *len);

#endif
