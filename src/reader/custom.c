/* Custom-format archives (pg_dump -Fc): header and TOC through toc.c, then
 * only the wanted data blocks are read and decompressed: the metadata
 * table's, and others only when the extractor asks (rows counted, twins). With
 * recorded offsets (and a seekable file) we seek straight to it; otherwise
 * (written to a pipe, or read from stdin) the blocks are walked in order,
 * skipping each one's chunks without decompressing them.
 *
 * pg_dump 17 and 18 writing to a redirected stdout leave every offset unset
 * in the TOC and append the rewritten TOC (same length, offsets recorded)
 * after the data; pg_restore never looks there. We use that copy when it
 * decodes and agrees, and otherwise walk the blocks like pg_restore. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "ksd_reader.h"
#include "reader/toc.h"
#include "reader/toc_data.h"

enum { BLK_DATA = 1, BLK_BLOBS = 3 };

/* With offsets, the last block is walked to prove the file is whole when it
 * is this small; a larger one is checked by its end marker alone. */
#define TAIL_WALK_MAX (256u << 10)

/* Archives without offsets whose data is larger are not walked to the end. */
#define WALK_ALL_MAX (64u << 20)

#define CHUNK_BUF (64u << 10)

struct custom {
	struct toc t;
	uint64_t toc_end;
	int ndata;      /* entries that have a data block */
	bool any_unset; /* some data entry has no recorded offset */
	uint64_t min_pos, max_pos;
	int max_pos_id;
	long long data_end; /* where the data ends: the file size (-1 unknown) or the TOC copy */
	bool in_copy;       /* note_entry sees the trailing TOC copy */
	struct toc_want wants[TOC_MAX_WANTS];
	size_t nwants;
	unsigned char buf[CHUNK_BUF];
};

static int fail(struct custom *c, long long at, const char *what, int id)
{
	return ksd_err_at_offset(c->t.err, at, "%s (TOC entry %d)", what, id);
}

static int note_entry(void *ctx, const struct toc_entry *e)
{
	struct custom *c = ctx;
	if (!e->has_data)
		return KSD_OK;
	c->ndata++;
	for (size_t i = 0; c->in_copy && i < c->nwants; i++) {
		if (c->wants[i].dump_id == e->dump_id && e->pos_flag == TOC_POS_SET) {
			c->wants[i].pos_flag = TOC_POS_SET;
			c->wants[i].pos = e->pos;
		}
	}
	if (e->pos_flag != TOC_POS_SET) {
		c->any_unset = true;
		return KSD_OK;
	}
	if (c->ndata == 1 || e->pos < c->min_pos)
		c->min_pos = e->pos;
	if (e->pos >= c->max_pos) {
		c->max_pos = e->pos;
		c->max_pos_id = e->dump_id;
	}
	return KSD_OK;
}

static int block_header(struct custom *c, int *type, int *id)
{
	*type = BLK_DATA; /* before 1.3 every block is data */
	unsigned char b;
	if (c->t.vmin >= 3) {
		if (ksd_source_read_exact(c->t.src, &b, 1, c->t.err) != KSD_OK)
			return KSD_FATAL;
		*type = b;
	}
	long long at = (long long)ksd_source_tell(c->t.src);
	int64_t v;
	if (toc_read_int(&c->t, &v) != KSD_OK)
		return KSD_FATAL;
	if (v <= 0 || v > INT32_MAX)
		return ksd_err_at_offset(c->t.err, at, "data block with dump id %" PRId64, v);
	*id = (int)v;
	return KSD_OK;
}

/* One chunk stream: (length, bytes)... 0. Into the codec, or skipped. */
static int chunks(struct custom *c, int id, struct codec *dec)
{
	for (;;) {
		long long at = (long long)ksd_source_tell(c->t.src);
		int64_t len;
		if (toc_read_int(&c->t, &len) != KSD_OK)
			return KSD_FATAL;
		if (len == 0)
			return KSD_OK;
		if (len < 0 || len > INT32_MAX)
			return fail(c, at, "corrupt data block: bad chunk length", id);
		if (!dec) {
			if (ksd_source_skip(c->t.src, (uint64_t)len, c->t.err) != KSD_OK)
				return KSD_FATAL;
			continue;
		}
		while (len > 0) {
			size_t n = len > CHUNK_BUF ? CHUNK_BUF : (size_t)len;
			at = (long long)ksd_source_tell(c->t.src);
			if (ksd_source_read_exact(c->t.src, c->buf, n, c->t.err) != KSD_OK)
				return KSD_FATAL;
			int rc = codec_feed(dec, c->buf, n);
			if (rc != KSD_OK) {
				if (codec_error(dec)[0])
					return ksd_err_at_offset(c->t.err, at,
					                         "data of TOC entry %d: %s", id,
					                         codec_error(dec));
				return rc;
			}
			len -= (int64_t)n;
		}
	}
}

/* Walks past a block whose header has been read. */
static int skip_block(struct custom *c, int type, int id, long long at)
{
	if (type == BLK_DATA)
		return chunks(c, id, NULL);
	if (type != BLK_BLOBS)
		return fail(c, at, "unknown data block type", id);
	for (;;) {
		int64_t oid;
		if (toc_read_int(&c->t, &oid) != KSD_OK)
			return KSD_FATAL;
		if (oid == 0)
			return KSD_OK;
		if (chunks(c, id, NULL) != KSD_OK)
			return KSD_FATAL;
	}
}

/* Decompresses a wanted block into the extractor. */
static int read_block(struct custom *c, struct toc_want *w, int type, long long at)
{
	w->done = true;
	if (type != BLK_DATA)
		return fail(c, at, "table data is not a data block", w->dump_id);
	struct toc_data *d = toc_data_begin(&c->t, w);
	struct codec *dec = d ? codec_new(c->t.alg, toc_data_cap(w), toc_data_feed, d) : NULL;
	if (!dec) {
		toc_data_free(d);
		return ksd_err_at_offset(c->t.err, at, "out of memory");
	}
	int rc = chunks(c, w->dump_id, dec);
	if (rc == KSD_OK && codec_end(dec) != KSD_OK)
		rc = ksd_err_at_offset(c->t.err, at, "data of TOC entry %d: %s", w->dump_id,
		                       codec_error(dec));
	int drc = toc_data_end(d, at);
	codec_free(dec);
	toc_data_free(d);
	return rc != KSD_OK ? rc : drc;
}

static struct toc_want *find_want(struct custom *c, int id)
{
	for (size_t i = 0; i < c->nwants; i++)
		if (c->wants[i].dump_id == id && !c->wants[i].done &&
		    c->wants[i].pos_flag != TOC_NO_DATA)
			return &c->wants[i];
	return NULL;
}

static bool wants_done(const struct custom *c)
{
	for (size_t i = 0; i < c->nwants; i++)
		if (!c->wants[i].done && c->wants[i].pos_flag != TOC_NO_DATA)
			return false;
	return true;
}

static int check_end_marker(struct custom *c);

/* No offsets, or no seeking: blocks in file order, from the TOC's end.
 * Walking every block also proves the archive is whole (a cut at a block
 * boundary included). A file with more data than WALK_ALL_MAX is walked only
 * up to the metadata blocks, and its end marker vouches for the rest: the
 * time then does not grow with the table data. */
static int scan(struct custom *c)
{
	int seen = 0;
	int rc = KSD_OK;
	bool can_jump = ksd_source_seekable(c->t.src) && c->data_end >= 0 &&
	                (uint64_t)c->data_end - c->toc_end > WALK_ALL_MAX;
	/* Whatever follows the last block (a TOC copy) is not data. */
	while (seen < c->ndata) {
		if (can_jump && wants_done(c))
			return check_end_marker(c) == KSD_OK ? rc : KSD_WARN;
		size_t got;
		if (!ksd_source_peek(c->t.src, 1, &got))
			return ksd_err_at_offset(c->t.err, (long long)ksd_source_tell(c->t.src),
			                         "read error");
		if (got == 0)
			break;
		long long at = (long long)ksd_source_tell(c->t.src);
		int type, id;
		if (block_header(c, &type, &id) != KSD_OK)
			return KSD_WARN;
		seen++;
		struct toc_want *w = find_want(c, id);
		int r = w ? read_block(c, w, type, at) : skip_block(c, type, id, at);
		if (r == KSD_FATAL)
			return KSD_WARN;
		if (r != KSD_OK)
			rc = r;
	}
	if (seen < c->ndata) {
		ksd_err_at_offset(
		    c->t.err, (long long)ksd_source_tell(c->t.src),
		    "unexpected end of input: %d of %d data blocks present, the archive "
		    "was cut short",
		    seen, c->ndata);
		return KSD_WARN;
	}
	return rc;
}

/* The file must reach past the last block: walk it when small, otherwise
 * check that the file ends with the end-of-data marker (a zero int). */
static int check_tail(struct custom *c)
{
	long long size = c->data_end;
	if (c->ndata == 0 || size < 0)
		return KSD_OK;
	if ((uint64_t)size - c->max_pos <= TAIL_WALK_MAX) {
		if (ksd_source_seek(c->t.src, c->max_pos, c->t.err) != KSD_OK)
			return KSD_FATAL;
		int type, id;
		if (block_header(c, &type, &id) != KSD_OK ||
		    skip_block(c, type, id, (long long)c->max_pos) != KSD_OK)
			return KSD_FATAL;
		if (id != c->max_pos_id)
			return fail(c, (long long)c->max_pos,
			            "block offset points at another block", c->max_pos_id);
		return KSD_OK;
	}
	return check_end_marker(c);
}

/* The file ends with the end-of-data marker (a zero int) of its last block. */
static int check_end_marker(struct custom *c)
{
	long long size = c->data_end;
	size_t marker = (size_t)c->t.int_size + 1;
	unsigned char tail[9];
	if (size < (long long)marker)
		return ksd_err_at_offset(c->t.err, size,
		                         "unexpected end of input: the archive "
		                         "was cut short");
	if (ksd_source_seek(c->t.src, (uint64_t)size - marker, c->t.err) != KSD_OK ||
	    ksd_source_read_exact(c->t.src, tail, marker, c->t.err) != KSD_OK)
		return KSD_FATAL;
	for (size_t i = 0; i < marker; i++)
		if (tail[i] != 0)
			return ksd_err_at_offset(c->t.err, size,
			                         "unexpected end of input: the last data block has "
			                         "no end marker, the archive was cut short");
	return KSD_OK;
}

/* Offsets recorded: seek to each wanted block. */
static int seek_wants(struct custom *c)
{
	long long size = c->data_end;
	if (c->ndata > 0 &&
	    (c->min_pos < c->toc_end ||
	     (size >= 0 && c->max_pos + 1 + (uint64_t)c->t.int_size >= (uint64_t)size)))
		return ksd_err_at_offset(c->t.err, (long long)c->toc_end,
		                         "data offsets outside the file (%" PRIu64 "..%" PRIu64
		                         ", size %lld): the archive was cut short or is corrupt",
		                         c->min_pos, c->max_pos, size);
	int rc = KSD_OK;
	for (size_t i = 0; i < c->nwants; i++) {
		struct toc_want *w = &c->wants[i];
		if (w->pos_flag != TOC_POS_SET)
			continue;
		if (ksd_source_seek(c->t.src, w->pos, c->t.err) != KSD_OK)
			return KSD_FATAL;
		int type, id;
		if (block_header(c, &type, &id) != KSD_OK)
			return KSD_FATAL;
		if (id != w->dump_id)
			return fail(c, (long long)w->pos, "block offset points at another block",
			            w->dump_id);
		int r = read_block(c, w, type, (long long)w->pos);
		if (r == KSD_FATAL)
			return r;
		if (r != KSD_OK)
			rc = r;
	}
	int r = check_tail(c);
	return r == KSD_OK ? rc : r;
}

/* Looks for the TOC copy at the end of the file (see the top comment): it
 * must decode quietly, end exactly at the end of the file, name the same
 * data entries and record all their offsets. Then c->any_unset is false.
 * KSD_FATAL only when the file cannot be seeked back to the data. */
static int use_toc_copy(struct custom *c, uint64_t count_pos)
{
	long long size = ksd_source_size(c->t.src);
	uint64_t len = c->toc_end - count_pos;
	if (size < 0 || !ksd_source_seekable(c->t.src) || (uint64_t)size < c->toc_end + len)
		return KSD_OK;
	int flags[TOC_MAX_WANTS];
	for (size_t i = 0; i < c->nwants; i++)
		flags[i] = c->wants[i].pos_flag;
	int ndata = c->ndata;
	c->ndata = 0;
	c->any_unset = false;
	c->in_copy = true;
	struct ksd_err scratch;
	ksd_err_clear(&scratch);
	struct toc copy = c->t;
	copy.err = &scratch;
	copy.quiet = true;
	int64_t count;
	bool ok = ksd_source_seek(c->t.src, (uint64_t)size - len, &scratch) == KSD_OK &&
	          toc_read_int(&copy, &count) == KSD_OK && count == c->t.count &&
	          toc_read_entries(&copy, note_entry, c, NULL, NULL) == KSD_OK &&
	          ksd_source_tell(c->t.src) == (uint64_t)size && c->ndata == ndata && !c->any_unset;
	c->in_copy = false;
	if (ok) {
		c->data_end = size - (long long)len;
		return KSD_OK;
	}
	for (size_t i = 0; i < c->nwants; i++)
		c->wants[i].pos_flag = flags[i];
	c->ndata = ndata;
	c->any_unset = true;
	return ksd_source_seek(c->t.src, c->toc_end, c->t.err);
}

int ksd_read_custom(const struct ksd_read *r)
{
	struct ksd_source *src = r->src;
	struct custom *c = calloc(1, sizeof(*c));
	if (!c)
		return ksd_err_at_offset(r->err, -1, "out of memory");
	c->t = (struct toc){.src = src, .err = r->err, .cat = r->cat, .x = r->x, .custom = true};
	c->data_end = ksd_source_size(src);
	int rc = toc_read_head(&c->t, TOC_FMT_CUSTOM);
	/* Where the TOC count starts: a rewritten TOC starts there too. */
	uint64_t count_pos =
	    ksd_source_tell(src) - (uint64_t)(c->t.int_size + (c->t.vmin >= 1 ? 1 : 0));
	if (rc == KSD_OK)
		rc = toc_read_entries(&c->t, note_entry, c, c->wants, &c->nwants);
	if (rc == KSD_OK) {
		c->toc_end = ksd_source_tell(src);
		if (c->any_unset && use_toc_copy(c, count_pos) != KSD_OK)
			rc = KSD_WARN; /* cannot seek back: err says why */
		else if (c->any_unset || !ksd_source_seekable(src)) {
			rc = scan(c);
		} else {
			rc = seek_wants(c);
			if (rc == KSD_FATAL)
				rc = KSD_WARN; /* the TOC is whole: a partial result */
		}
	}
	toc_wants_free(c->wants, c->nwants);
	free(c);
	return rc;
}
