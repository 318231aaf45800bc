/* The one door to the readers (ksd_read_dump): opens the dump, asks
 * detection what it is, and runs the reader that the format table names
 * for it. A compressed file is unwrapped once and detected again; a
 * directory archive's toc.dat is opened as its source. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_detect.h"
#include "ksd_reader.h"
#include "reader/codec.h"
#include "reader/directory.h"

#define HEAD_SIZE 4096

/* What detection says -> the dump's format and the reader, or why
 * it is refused. Compressed input has no row: it is unwrapped first. */
static const struct format {
	enum ksd_dump_format format;
	ksd_reader_fn *read; /* NULL: refused */
	const char *refusal;
} formats[] = {
    [KSD_DET_EMPTY] = {.refusal = "empty input"},
    [KSD_DET_BINARY] = {.refusal = "not a pg_dump file (neither SQL text nor a known archive)"},
    [KSD_DET_ARCHIVE_TOC] = {.refusal = "this is the toc.dat of a directory or tar archive: "
                                        "give the directory or the .tar file"},
    [KSD_DET_PLAIN] = {KSD_FMT_PLAIN, ksd_read_plain, NULL},
    [KSD_DET_DUMPALL] = {KSD_FMT_DUMPALL, ksd_read_plain, NULL},
    [KSD_DET_CUSTOM] = {KSD_FMT_CUSTOM, ksd_read_custom, NULL},
    [KSD_DET_TAR] = {KSD_FMT_TAR, ksd_read_tar, NULL},
    [KSD_DET_DIRECTORY] = {KSD_FMT_DIRECTORY, ksd_read_directory, NULL},
};

/* Where a read puts what it finds, and whether it counts rows. */
struct target {
	bool count_rows;
	struct ksd_dump *dump;
	struct ksd_catalog *cat;
};

/* Runs the reader for `kind` over `src` with an extractor of its own. */
static int run(enum ksd_detected kind, struct ksd_source *src, const char *dir,
               const struct target *to, struct ksd_err *err)
{
	const struct format *f = &formats[kind];
	assert(f->read || f->refusal); /* compressed input never comes here */
	if (!f->read)
		return ksd_err_at_offset(err, 0, "%s", f->refusal);
	struct ksd_extract *x = ksd_extract_new(to->cat, to->dump, to->count_rows);
	if (!x)
		return ksd_err_at_offset(err, -1, "out of memory");
	to->dump->format = f->format;
	int rc = f->read(
	    &(struct ksd_read){.src = src, .x = x, .dump = to->dump, .err = err, .dir = dir});
	ksd_extract_free(x);
	return rc;
}

static int read_source(struct ksd_source *src, const struct target *to, struct ksd_err *err,
                       int depth)
{
	size_t got;
	const unsigned char *head = ksd_source_peek(src, HEAD_SIZE, &got);
	if (!head)
		return ksd_err_at_offset(err, 0, "read error");
	enum ksd_detected kind = ksd_detect(head, got);
	if (kind != KSD_DET_COMPRESSED)
		return run(kind, src, NULL, to, err);
	if (depth > 0)
		return ksd_err_at_offset(err, 0, "compressed twice; decompress it first");
	to->dump->compression = codec_fact(ksd_detect_compression(head, got));
	struct ksd_source *inner = ksd_source_decompress(src, err);
	if (!inner)
		return KSD_FATAL;
	int rc = read_source(inner, to, err, depth + 1);
	ksd_source_free(inner);
	return rc;
}

/* A directory archive: toc.dat is the source, the directory holds the data
 * files. */
static int read_directory(const char *dir, const struct target *to, struct ksd_err *err)
{
	struct ksd_source *src = directory_open(dir, "toc.dat", to->dump);
	if (!src)
		return ksd_err_at_offset(err, -1,
		                         "no toc.dat in this directory: not a pg_dump "
		                         "directory archive");
	int rc = run(KSD_DET_DIRECTORY, src, dir, to, err);
	to->dump->bytes_read += ksd_source_bytes_read(src);
	ksd_source_free(src);
	return rc;
}

/* A path ending in "/toc.dat" names the directory archive that holds it. */
static char *directory_of_toc(const char *path)
{
	size_t len = strlen(path);
	if (len < 8 || strcmp(path + len - 8, "/toc.dat") != 0)
		return NULL;
	char *dir = strdup(path);
	if (dir)
		dir[len - 8] = '\0';
	return dir;
}

/* Whatever the format, a result that is not whole is marked partial: a
 * missing object then proves nothing. An archive that only lacks data is
 * not partial: its schema is all there. */
static int finish(int rc, struct ksd_dump *dump)
{
	if (rc != KSD_OK && rc != KSD_INCOMPLETE)
		dump->partial = true;
	return rc;
}

static int read_path(const char *path, const struct target *to, struct ksd_err *err)
{
	int rc;
	if (ksd_detect_directory(path))
		return finish(read_directory(path, to, err), to->dump);
	struct ksd_source *src = ksd_source_open(path, err);
	if (!src)
		return KSD_FATAL;
	rc = read_source(src, to, err, 0);
	to->dump->bytes_read += ksd_source_bytes_read(src);
	ksd_source_free(src);
	char *dir;
	if (rc == KSD_FATAL && to->dump->format == KSD_FMT_UNKNOWN &&
	    (dir = directory_of_toc(path))) {
		ksd_err_clear(err);
		rc = read_path(dir, to, err);
		free(dir);
		return rc;
	}
	return finish(rc, to->dump);
}

int ksd_read_dump(const char *path, bool count_rows, struct ksd_dump *dump, struct ksd_catalog *cat,
                  struct ksd_err *err)
{
	return read_path(path, &(struct target){count_rows, dump, cat}, err);
}
