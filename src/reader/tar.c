/* Tar-format archives (pg_dump -Ft) through libarchive, fed from our byte
 * source: toc.dat must come first, then only the wanted members are read
 * (the metadata table's, others when the extractor asks); the rest are
 * skipped (seeking when the file allows it). Members are never extracted,
 * and their type flags are ignored. */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "ksd_reader.h"
#include "reader/toc.h"
#include "reader/toc_data.h"

#define READ_BUF (64u << 10)

struct tar {
	struct ksd_source *src;
	struct ksd_err *err;
	struct archive *ar;
	int ndata;          /* TABLE DATA entries, each with a <digits>.dat member */
	const char *member; /* the one being read */
};

static la_ssize_t tar_read(struct archive *ar, void *ctx, const void **out)
{
	struct tar *tr = ctx;
	const unsigned char *d;
	size_t len;
	if (ksd_source_next(tr->src, &d, &len, READ_BUF, tr->err) != KSD_OK) {
		archive_set_error(ar, EIO, "read error");
		return -1;
	}
	*out = d;
	return (la_ssize_t)len;
}

/* Skips what is there, no further: a short skip tells libarchive the
 * archive was cut. */
static la_int64_t tar_skip(struct archive *ar, void *ctx, la_int64_t request)
{
	struct tar *tr = ctx;
	(void)ar;
	if (request <= 0)
		return 0;
	uint64_t n = (uint64_t)request;
	long long size = ksd_source_size(tr->src);
	uint64_t at = ksd_source_tell(tr->src);
	if (size >= 0 && at + n > (uint64_t)size)
		n = (uint64_t)size > at ? (uint64_t)size - at : 0;
	if (!ksd_source_seekable(tr->src))
		return 0; /* libarchive reads and discards instead */
	struct ksd_err scratch;
	ksd_err_clear(&scratch);
	if (n > 0 && ksd_source_skip(tr->src, n, &scratch) != KSD_OK)
		return 0;
	return (la_int64_t)n;
}

static int ar_fail(struct tar *tr, const char *member, const char *what)
{
	const char *why = archive_error_string(tr->ar);
	ksd_err_at_offset(tr->err, (long long)ksd_source_tell(tr->src), "%s: %s", what,
	                  why ? why : "unreadable tar archive");
	if (!tr->err->member)
		tr->err->member = member;
	return KSD_FATAL;
}

static int count_data(void *ctx, const struct toc_entry *e)
{
	struct tar *tr = ctx;
	/* BLOBS entries may name a file that is no member (blob_<oid>.dat are). */
	if (e->has_data && e->desc && strcmp(e->desc, "TABLE DATA") == 0 && toc_valid_file(e->file))
		tr->ndata++;
	return KSD_OK;
}

static ssize_t read_member_bytes(void *ctx, void *buf, size_t cap)
{
	struct tar *tr = ctx;
	la_ssize_t n = archive_read_data(tr->ar, buf, cap);
	if (n < 0) {
		ar_fail(tr, tr->member, "cannot read member");
		return -1;
	}
	return (ssize_t)n;
}

/* The current member's bytes through a decompressor (members are never
 * compressed by pg_dump; a magic number is honoured all the same). */
static int read_member(struct toc *t, struct tar *tr, struct toc_want *w, const char *member)
{
	w->done = true;
	t->member = member;
	tr->member = member;
	return toc_data_read_member(t, w, member, tr->src, read_member_bytes, tr);
}

static struct toc_want *find_want(struct toc_want *wants, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!wants[i].done && wants[i].file && strcmp(wants[i].file, name) == 0)
			return &wants[i];
	return NULL;
}

/* pg_dump ends a tar archive with zero blocks (two; one before 9.3), which
 * libarchive does not insist on: without one, the file was cut. Checked when
 * the file can be seeked; a pipe is taken as it comes. */
static bool ends_with_zero_block(struct tar *tr)
{
	long long size = ksd_source_size(tr->src);
	unsigned char block[512];
	struct ksd_err scratch;
	ksd_err_clear(&scratch);
	if (!ksd_source_seekable(tr->src) || size < 0)
		return true;
	if (size < 1024 || ksd_source_seek(tr->src, (uint64_t)size - 512, &scratch) != KSD_OK ||
	    ksd_source_read_exact(tr->src, block, 512, &scratch) != KSD_OK)
		return false;
	for (size_t i = 0; i < sizeof(block); i++)
		if (block[i])
			return false;
	return true;
}

/* Every member after toc.dat: the wanted ones read, the rest skipped, to
 * the end, so that a cut archive is noticed. */
static int members(struct toc *t, struct tar *tr, struct toc_want *wants, size_t nwants)
{
	int rc = KSD_OK, seen = 0;
	for (;;) {
		struct archive_entry *entry;
		int r = archive_read_next_header(tr->ar, &entry);
		if (r == ARCHIVE_EOF)
			break;
		if (r < ARCHIVE_WARN)
			return ar_fail(tr, NULL, "cannot read the next member header");
		const char *raw = archive_entry_pathname(entry);
		const char *name = ksd_catalog_strdup(t->cat, raw ? raw : "");
		if (!name)
			return ksd_err_at_offset(t->err, -1, "out of memory");
		if (toc_valid_file(name))
			seen++;
		struct toc_want *w = toc_valid_file(name) ? find_want(wants, nwants, name) : NULL;
		if (w) {
			int m = read_member(t, tr, w, name);
			if (m == KSD_FATAL)
				return m;
			if (m != KSD_OK)
				rc = m;
		} else if (archive_read_data_skip(tr->ar) < ARCHIVE_WARN) {
			return ar_fail(tr, name, "cannot skip member");
		}
	}
	if (seen < tr->ndata)
		return ksd_err_at_offset(t->err, (long long)ksd_source_tell(tr->src),
		                         "unexpected end of input: %d of %d data members present, "
		                         "the archive was cut short",
		                         seen, tr->ndata);
	if (!ends_with_zero_block(tr))
		return ksd_err_at_offset(t->err, ksd_source_size(tr->src),
		                         "unexpected end of input: no end-of-archive block, the "
		                         "archive was cut short");
	for (size_t i = 0; i < nwants; i++)
		if (!wants[i].done)
			return ksd_err_at_offset(t->err, -1, "member %s of TOC entry %d is missing",
			                         wants[i].file ? wants[i].file : "",
			                         wants[i].dump_id);
	return rc;
}

int ksd_read_tar(const struct ksd_read *r)
{
	struct ksd_err *err = r->err;
	struct tar tr = {.src = r->src, .err = err, .ar = archive_read_new()};
	if (!tr.ar)
		return ksd_err_at_offset(err, -1, "out of memory");
	struct toc_want wants[TOC_MAX_WANTS];
	size_t nwants = 0;
	struct ksd_source *toc_src = NULL;
	struct archive_entry *entry;
	int rc = KSD_FATAL;
	if (archive_read_support_format_tar(tr.ar) != ARCHIVE_OK ||
	    archive_read_open2(tr.ar, &tr, NULL, tar_read, tar_skip, NULL) != ARCHIVE_OK ||
	    archive_read_next_header(tr.ar, &entry) < ARCHIVE_WARN) {
		ar_fail(&tr, NULL, "cannot read the tar archive");
		goto done;
	}
	const char *first = archive_entry_pathname(entry);
	if (!first || strcmp(first, "toc.dat") != 0) {
		ksd_err_at_offset(err, 0, "the first tar member is not toc.dat");
		goto done;
	}
	toc_src = ksd_source_archive_entry(
	    tr.ar, "toc.dat", archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1,
	    err);
	if (!toc_src)
		goto done;
	struct toc t = {.src = toc_src, .err = err, .cat = r->cat, .x = r->x, .member = "toc.dat"};
	rc = toc_read_head(&t, TOC_FMT_TAR);
	if (rc == KSD_OK)
		rc = toc_read_entries(&t, count_data, &tr, wants, &nwants);
	if (rc == KSD_OK && members(&t, &tr, wants, nwants) != KSD_OK)
		rc = KSD_WARN; /* the TOC is whole: a partial result */
done:
	toc_wants_free(wants, nwants);
	ksd_source_free(toc_src);
	archive_read_free(tr.ar);
	return rc;
}
