/* Directory-format archives (pg_dump -Fd): toc.dat (or a user-compressed
 * toc.dat.gz/.lz4/.zst, opened by ksd_read_dump as the source), then only
 * the metadata table's data file, whose compression is told by its magic
 * bytes, not by its name or the header. Every other data file the TOC names
 * is only looked up (stat), so that a missing one is known in every mode.
 * File names come from the TOC, so only "<digits>.dat" is ever opened. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ksd_limits.h"
#include "ksd_reader.h"
#include "reader/directory.h"
#include "reader/toc.h"
#include "reader/toc_data.h"

static const char *const suffixes[] = {"", ".gz", ".lz4", ".zst"};

/* dir/name with the first suffix that names a regular file (malloc'd), or
 * NULL. Only stat: nothing is opened. */
static char *find_file(const char *dir, const char *name)
{
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t len = strlen(dir) + strlen(name) + strlen(suffixes[i]) + 2;
		char *path = malloc(len);
		if (!path)
			return NULL;
		snprintf(path, len, "%s/%s%s", dir, name, suffixes[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			return path;
		free(path);
	}
	return NULL;
}

struct ksd_source *directory_open(const char *dir, const char *name, struct ksd_dump *dump)
{
	char *path = find_file(dir, name);
	const char *kept = path ? ksd_dump_strdup(dump, path) : NULL;
	free(path);
	struct ksd_err scratch;
	ksd_err_clear(&scratch);
	return kept ? ksd_source_open(kept, &scratch) : NULL;
}

/* The completeness check, as each TOC entry is read: its data file is
 * there (with a suffix pg_restore tries) and a regular file. A path that
 * cannot be allocated counts as missing: the report then errs on the safe
 * side. It also counts what is there: a tar archive's toc.dat, taken out
 * alone, reads like a directory archive's (the same format byte, the same
 * "NNNN.dat" names), but none of its members is beside it. */
struct check {
	struct toc *t;
	const char *dir;
	long long named; /* entries with a data file */
	bool found;      /* one of them is there */
};

static int check_file(void *ctx, const struct toc_entry *e)
{
	struct check *c = ctx;
	if (!toc_table_data_file(e))
		return KSD_OK;
	c->named++;
	char *path = find_file(c->dir, e->file);
	if (!path)
		ksd_dump_data_missing(c->t->dump, c->t->dump->ntoc - 1, KSD_MISSING_FILES);
	c->found = c->found || path;
	free(path);
	return KSD_OK;
}

/* The file's name inside the directory, for messages. */
static const char *member_of(const struct ksd_source *src)
{
	const char *name = ksd_source_name(src);
	const char *slash = strrchr(name, '/');
	return slash ? slash + 1 : name;
}

struct member_read {
	struct ksd_source *src;
	struct ksd_err *err;
};

static ssize_t read_file(void *ctx, void *buf, size_t cap)
{
	struct member_read *r = ctx;
	return ksd_source_read(r->src, buf, cap, r->err);
}

/* Reads a wanted data file through its decompressor into the extractor. */
static int read_data(struct toc *t, const char *dir, struct toc_want *w)
{
	if (!w->file || !toc_valid_file(w->file))
		return ksd_err_at_offset(t->err, -1,
		                         "TOC entry %d names the data file \"%s\", which is not "
		                         "<digits>.dat: refused",
		                         w->dump_id, w->file ? w->file : "");
	struct ksd_source *src = directory_open(dir, w->file, t->dump);
	if (!src)
		return ksd_err_at_offset(
		    t->err, -1, "data file %s of TOC entry %d is missing (or not a regular file)",
		    w->file, w->dump_id);
	const char *member = member_of(src);
	t->member = member;
	struct member_read r = {src, t->err};
	int rc = toc_data_read_member(t, w, member, src, read_file, &r);
	t->dump->bytes_read += ksd_source_bytes_read(src);
	ksd_source_free(src);
	t->member = "toc.dat";
	return rc;
}

int ksd_read_directory(const struct ksd_read *r)
{
	struct ksd_source *src = r->src;
	const char *member = member_of(r->src);
	size_t got;
	const unsigned char *head = ksd_source_peek(r->src, 4, &got);
	if (head && codec_sniff(head, got) != KSD_COMP_NONE) {
		src = ksd_source_decompress(r->src, r->err);
		if (!src) {
			r->err->member = member;
			return KSD_FATAL;
		}
	}
	struct toc t = {.src = src, .err = r->err, .dump = r->dump, .x = r->x, .member = member};
	struct toc_want wants[TOC_MAX_WANTS];
	size_t nwants = 0;
	struct check check = {.t = &t, .dir = r->dir};
	int rc = toc_read_head(&t, TOC_FMT_TAR);
	if (rc == KSD_OK)
		rc = toc_read_entries(&t, check_file, &check, wants, &nwants);
	/* Uncompressed data and none of it here: a tar archive's toc.dat (tar
	 * never compresses), or a -Z0 directory that lost every data file. */
	if (rc == KSD_OK && check.named && !check.found &&
	    r->dump->archive.compression == KSD_COMPRESSION_NONE) {
		r->err->member = member;
		rc = ksd_err_at_offset(r->err, -1,
		                       "this toc.dat belongs to a tar archive; give the .tar file "
		                       "(none of the %lld data files its TOC names is beside it)",
		                       check.named);
	}
	for (size_t i = 0; i < nwants && rc == KSD_OK; i++) {
		if (toc_want_missing(&t, &wants[i]))
			continue; /* the dump's TOC says so */
		int rd = read_data(&t, r->dir, &wants[i]);
		if (rd != KSD_OK)
			rc = KSD_WARN; /* the TOC is whole: a partial result */
	}
	toc_wants_free(wants, nwants);
	if (src != r->src)
		ksd_source_free(src);
	return toc_complete(r->dump, r->err, rc);
}
