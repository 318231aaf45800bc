/* Tar-format archives (pg_dump -Ft) through libarchive, fed from our byte
 * source. pg_dump writes toc.dat first, then the data members in TOC order;
 * a tar re-packed by hand may hold them in any order, with extra members.
 * Like pg_restore, the reader skips members up to the one named exactly
 * toc.dat and reads the TOC; then only the wanted members are read (the
 * metadata table's, others when the extractor asks), the rest are skipped (seeking when the file
 * allows it). A metadata member that came before toc.dat is read again by a second pass over the
 * file, or, in a stream (standard input), taken from the members kept in memory on the way, small
 * ones only, within KSD_MAX_TAR_KEPT. Members are never extracted, and their type flags are
 * ignored. How the members were laid out is recorded for the restore advice,
 * and the data entries whose member never came are marked missing (the
 * completeness check, done whatever is read). */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "ksd_reader.h"
#include "reader/toc.h"
#include "reader/toc_data.h"

#define READ_BUF (64u << 10)

/* A data member met before toc.dat in a stream, kept whole. */
struct kept {
	char *name;
	unsigned char *data;
	size_t len;
};

/* A data entry's place in the TOC, to tell members out of order and
 * missing ones. */
struct place {
	int dump_id;  /* of its file name, <dump_id>.dat */
	size_t at;    /* among the data entries, in TOC order */
	size_t entry; /* in the dump's TOC */
	bool seen;    /* its member was met */
};

struct tar {
	struct ksd_source *src;
	struct ksd_err *err;
	struct ksd_dump *dump;
	struct archive *ar;
	int ndata;          /* TABLE DATA entries, each with a <digits>.dat member */
	int seen;           /* data members met */
	const char *member; /* the one being read */
	unsigned layout;    /* enum ksd_tar_layout bits */

	struct kept *kept; /* stream only */
	size_t nkept, kept_bytes;

	/* Data entries in TOC order, then sorted by dump id; the place of the
	 * last data member met. More than KSD_MAX_TOC_ENTRIES: not checked. */
	struct place *places;
	size_t nplaces, cap_places;
	bool places_full;
	size_t last_at;
	bool any_placed;

	/* Member order before toc.dat: dump ids, checked once the TOC is read. */
	int *early;
	size_t nearly, cap_early;
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

static struct archive *open_archive(struct tar *tr)
{
	struct archive *ar = archive_read_new();
	if (ar && (archive_read_support_format_tar(ar) != ARCHIVE_OK ||
	           archive_read_open2(ar, tr, NULL, tar_read, tar_skip, NULL) != ARCHIVE_OK)) {
		tr->ar = ar;
		ar_fail(tr, NULL, "cannot read the tar archive");
		archive_read_free(ar);
		tr->ar = NULL;
		return NULL;
	}
	if (!ar)
		ksd_err_at_offset(tr->err, -1, "out of memory");
	return ar;
}

static int cmp_place(const void *a, const void *b)
{
	const struct place *x = a, *y = b;
	return (x->dump_id > y->dump_id) - (x->dump_id < y->dump_id);
}

static int count_data(void *ctx, const struct toc_entry *e)
{
	struct tar *tr = ctx;
	/* BLOBS entries may name a file that is no member (blob_<oid>.dat are). */
	if (!toc_table_data_file(e))
		return KSD_OK;
	tr->ndata++;
	if (tr->places_full)
		return KSD_OK;
	if (tr->nplaces == tr->cap_places) {
		size_t cap = tr->cap_places ? tr->cap_places * 2 : 64;
		struct place *p =
		    cap <= KSD_MAX_TOC_ENTRIES ? realloc(tr->places, cap * sizeof(*p)) : NULL;
		if (!p) {
			tr->places_full = true; /* order unchecked, nothing lost */
			return KSD_OK;
		}
		tr->places = p;
		tr->cap_places = cap;
	}
	tr->places[tr->nplaces] =
	    (struct place){atoi(e->file), tr->nplaces, tr->dump->ntoc - 1, false};
	tr->nplaces++;
	return KSD_OK;
}

/* Notes a data member's dump id in member order: out of TOC order, pg_restore
 * cannot restore the data (it reads forward only). */
static void place_member(struct tar *tr, int dump_id)
{
	if (tr->places_full || !tr->nplaces)
		return;
	struct place key = {.dump_id = dump_id};
	struct place *p = bsearch(&key, tr->places, tr->nplaces, sizeof(*tr->places), cmp_place);
	if (!p)
		return; /* no entry of the TOC: pg_restore skips it too */
	p->seen = true;
	if (tr->any_placed && p->at < tr->last_at)
		tr->layout |= KSD_TAR_DATA_OUT_OF_ORDER;
	tr->last_at = p->at;
	tr->any_placed = true;
}

static void note_early(struct tar *tr, const char *name)
{
	if (tr->nearly == tr->cap_early) {
		size_t cap = tr->cap_early ? tr->cap_early * 2 : 64;
		int *e = cap <= KSD_MAX_TOC_ENTRIES ? realloc(tr->early, cap * sizeof(*e)) : NULL;
		if (!e) {
			tr->places_full = true;
			return;
		}
		tr->early = e;
		tr->cap_early = cap;
	}
	tr->early[tr->nearly++] = atoi(name);
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

/* A kept member, read as if from the archive. */
struct kept_reader {
	const struct kept *k;
	size_t at;
};

static ssize_t read_kept_bytes(void *ctx, void *buf, size_t cap)
{
	struct kept_reader *kr = ctx;
	size_t n = kr->k->len - kr->at < cap ? kr->k->len - kr->at : cap;
	memcpy(buf, kr->k->data + kr->at, n);
	kr->at += n;
	return (ssize_t)n;
}

static struct toc_want *find_want(struct toc_want *wants, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!wants[i].done && wants[i].file && strcmp(wants[i].file, name) == 0)
			return &wants[i];
	return NULL;
}

/* Keeps a stream's data member met before toc.dat, when it fits; one that
 * does not is skipped, and missed later only if it was the metadata's. */
static int keep_member(struct tar *tr, const char *name, la_int64_t size)
{
	if (size < 0 || (uint64_t)size > KSD_MAX_TAR_KEPT - tr->kept_bytes)
		return archive_read_data_skip(tr->ar) < ARCHIVE_WARN
		           ? ar_fail(tr, name, "cannot skip member")
		           : KSD_OK;
	struct kept *k = realloc(tr->kept, (tr->nkept + 1) * sizeof(*k));
	if (!k)
		return ksd_err_at_offset(tr->err, -1, "out of memory");
	tr->kept = k;
	k = &tr->kept[tr->nkept];
	*k = (struct kept){strdup(name), malloc(size ? (size_t)size : 1), 0};
	if (!k->name || !k->data) {
		free(k->name);
		free(k->data);
		return ksd_err_at_offset(tr->err, -1, "out of memory");
	}
	tr->nkept++;
	tr->kept_bytes += (size_t)size;
	while (k->len < (size_t)size) {
		la_ssize_t n = archive_read_data(tr->ar, k->data + k->len, (size_t)size - k->len);
		if (n < 0)
			return ar_fail(tr, name, "cannot read member");
		if (n == 0)
			break;
		k->len += (size_t)n;
	}
	return KSD_OK;
}

/* Up to toc.dat: members before it are noted (and kept, in a stream).
 * KSD_OK with toc.dat current, or KSD_FATAL. */
static int find_toc(struct tar *tr, struct archive_entry **entry)
{
	char nested[201] = ""; /* a member named .../toc.dat */
	for (;;) {
		int r = archive_read_next_header(tr->ar, entry);
		if (r == ARCHIVE_EOF)
			break;
		if (r < ARCHIVE_WARN)
			return ar_fail(tr, NULL, "cannot read the tar archive");
		const char *name = archive_entry_pathname(*entry);
		name = name ? name : "";
		if (strcmp(name, "toc.dat") == 0)
			return KSD_OK;
		tr->layout |= KSD_TAR_TOC_NOT_FIRST;
		size_t len = strlen(name);
		if (!nested[0] && len > 8 && strcmp(name + len - 8, "/toc.dat") == 0)
			snprintf(nested, sizeof(nested), "%s", name);
		if (!toc_valid_file(name)) {
			if (archive_read_data_skip(tr->ar) < ARCHIVE_WARN)
				return ar_fail(tr, name, "cannot skip member");
			continue;
		}
		tr->layout |= KSD_TAR_DATA_BEFORE_TOC;
		tr->seen++;
		note_early(tr, name);
		int rc = ksd_source_seekable(tr->src)
		             ? (archive_read_data_skip(tr->ar) < ARCHIVE_WARN
		                    ? ar_fail(tr, name, "cannot skip member")
		                    : KSD_OK)
		             : keep_member(tr, name, archive_entry_size(*entry));
		if (rc != KSD_OK)
			return rc;
	}
	if (nested[0])
		return ksd_err_at_offset(tr->err, 0,
		                         "no toc.dat member in this tar archive, only \"%s\": "
		                         "pg_restore wants it at the top, unpack the tar and give "
		                         "the directory",
		                         nested);
	return ksd_err_at_offset(tr->err, 0,
	                         "no toc.dat member in this tar archive: not a pg_dump tar "
	                         "archive");
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
	int rc = KSD_OK;
	for (;;) {
		struct archive_entry *entry;
		int r = archive_read_next_header(tr->ar, &entry);
		if (r == ARCHIVE_EOF)
			break;
		if (r < ARCHIVE_WARN)
			return ar_fail(tr, NULL, "cannot read the next member header");
		const char *raw = archive_entry_pathname(entry);
		const char *name = ksd_dump_strdup(t->dump, raw ? raw : "");
		if (!name)
			return ksd_err_at_offset(t->err, -1, "out of memory");
		if (toc_valid_file(name)) {
			tr->seen++;
			place_member(tr, atoi(name));
		}
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
	/* The completeness check: each data entry's member was met (before
	 * toc.dat or after it). Without the places, only a count can tell. */
	for (size_t i = 0; !tr->places_full && i < tr->nplaces; i++)
		if (!tr->places[i].seen)
			ksd_dump_data_missing(t->dump, tr->places[i].entry, KSD_MISSING_MEMBERS);
	if (tr->places_full && tr->seen < tr->ndata)
		return ksd_err_at_offset(t->err, (long long)ksd_source_tell(tr->src),
		                         "unexpected end of input: %d of %d data members present, "
		                         "the archive was cut short",
		                         tr->seen, tr->ndata);
	if (!ends_with_zero_block(tr))
		return ksd_err_at_offset(t->err, ksd_source_size(tr->src),
		                         "unexpected end of input: no end-of-archive block, the "
		                         "archive was cut short");
	return rc;
}

/* The wanted members that came before toc.dat: from the file again, up to
 * toc.dat, or from the members kept from the stream. */
static int early_members(struct toc *t, struct tar *tr, struct toc_want *wants, size_t nwants)
{
	int rc = KSD_OK;
	if (!ksd_source_seekable(tr->src)) {
		for (size_t i = 0; i < tr->nkept; i++) {
			struct toc_want *w = find_want(wants, nwants, tr->kept[i].name);
			struct kept_reader kr = {&tr->kept[i], 0};
			if (w) {
				w->done = true;
				t->member = tr->kept[i].name;
				int m = toc_data_read_member(t, w, tr->kept[i].name, tr->src,
				                             read_kept_bytes, &kr);
				if (m != KSD_OK)
					rc = m;
			}
		}
		return rc;
	}
	archive_read_free(tr->ar);
	tr->ar = NULL;
	if (ksd_source_seek(tr->src, 0, t->err) != KSD_OK || !(tr->ar = open_archive(tr)))
		return KSD_FATAL;
	for (;;) {
		struct archive_entry *entry;
		int r = archive_read_next_header(tr->ar, &entry);
		if (r == ARCHIVE_EOF)
			return rc;
		if (r < ARCHIVE_WARN)
			return ar_fail(tr, NULL, "cannot read the tar archive again");
		const char *raw = archive_entry_pathname(entry);
		if (raw && strcmp(raw, "toc.dat") == 0)
			return rc;
		const char *name = ksd_dump_strdup(t->dump, raw ? raw : "");
		if (!name)
			return ksd_err_at_offset(t->err, -1, "out of memory");
		struct toc_want *w = toc_valid_file(name) ? find_want(wants, nwants, name) : NULL;
		int m = w ? read_member(t, tr, w, name) : KSD_OK;
		if (!w && archive_read_data_skip(tr->ar) < ARCHIVE_WARN)
			return ar_fail(tr, name, "cannot skip member");
		if (m == KSD_FATAL)
			return m;
		if (m != KSD_OK)
			rc = m;
	}
}

static void tar_free(struct tar *tr)
{
	for (size_t i = 0; i < tr->nkept; i++) {
		free(tr->kept[i].name);
		free(tr->kept[i].data);
	}
	free(tr->kept);
	free(tr->places);
	free(tr->early);
	archive_read_free(tr->ar);
}

int ksd_read_tar(const struct ksd_read *r)
{
	struct ksd_err *err = r->err;
	struct tar tr = {.src = r->src, .err = err, .dump = r->dump};
	struct toc_want wants[TOC_MAX_WANTS];
	size_t nwants = 0;
	struct ksd_source *toc_src = NULL;
	struct archive_entry *entry;
	int rc = KSD_FATAL;
	if (!(tr.ar = open_archive(&tr)) || find_toc(&tr, &entry) != KSD_OK)
		goto done;
	toc_src = ksd_source_archive_entry(
	    tr.ar, "toc.dat", archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1,
	    err);
	if (!toc_src)
		goto done;
	struct toc t = {
	    .src = toc_src, .err = err, .dump = r->dump, .x = r->x, .member = "toc.dat"};
	rc = toc_read_head(&t, TOC_FMT_TAR);
	if (rc == KSD_OK)
		rc = toc_read_entries(&t, count_data, &tr, wants, &nwants);
	if (rc != KSD_OK)
		goto done;
	if (tr.nplaces)
		qsort(tr.places, tr.nplaces, sizeof(*tr.places), cmp_place);
	for (size_t i = 0; i < tr.nearly; i++)
		place_member(&tr, tr.early[i]);
	/* The TOC is whole: anything missing now is a partial result. */
	if (members(&t, &tr, wants, nwants) != KSD_OK)
		rc = KSD_WARN;
	bool missing = false;
	for (size_t i = 0; i < nwants; i++)
		missing |= !wants[i].done;
	if (missing && tr.layout & KSD_TAR_DATA_BEFORE_TOC &&
	    early_members(&t, &tr, wants, nwants) != KSD_OK)
		rc = KSD_WARN;
	for (size_t i = 0; i < nwants && rc == KSD_OK; i++)
		if (!wants[i].done && !toc_want_missing(&t, &wants[i])) {
			ksd_err_at_offset(err, -1,
			                  tr.layout & KSD_TAR_DATA_BEFORE_TOC &&
			                          !ksd_source_seekable(tr.src)
			                      ? "member %s of TOC entry %d came before toc.dat in "
			                        "this stream and was too large to keep: give the "
			                        "file, not a pipe"
			                      : "member %s of TOC entry %d is missing",
			                  wants[i].file ? wants[i].file : "", wants[i].dump_id);
			rc = KSD_WARN;
		}
done:
	r->dump->archive.tar_layout = tr.layout;
	toc_wants_free(wants, nwants);
	ksd_source_free(toc_src);
	tar_free(&tr);
	return toc_complete(r->dump, err, rc);
}
