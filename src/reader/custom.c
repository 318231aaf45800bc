/* Custom-format archives (pg_dump -Fc): header and TOC through toc.c, then
 * only the wanted data blocks are read and decompressed: the metadata
 * table's, and others only when the extractor asks (rows counted, twins). With
 * recorded offsets (and a seekable file) we seek straight to it; otherwise
 * (written to a pipe, or read from stdin) the blocks are walked in order,
 * skipping each one's chunks without decompressing them.
 *
 * Whatever is read, the archive is checked to hold every block its TOC
 * names (see check_offsets and scan): those it lacks are marked missing in
 * the dump's TOC.
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

/* A data entry: its block's offset (when recorded), its place in the
 * dump's TOC, where a missing block is marked, and whether a walk met
 * its block whole. */
struct block {
	uint64_t pos;
	size_t entry;
	int dump_id;
	bool walked;
};

struct custom {
	struct toc t;
	uint64_t toc_end;
	/* The data entries, in TOC order until the completeness check sorts
	 * them: by offset when they are recorded, by dump id for a walk. */
	struct block *blocks;
	size_t ndata, cap;
	bool any_unset;     /* some data entry has no recorded offset */
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
	if (c->in_copy) {
		/* The copy names the same data entries in the same order. */
		for (size_t i = 0; i < c->nwants; i++) {
			if (c->wants[i].dump_id == e->dump_id && e->pos_flag == TOC_POS_SET) {
				c->wants[i].pos_flag = TOC_POS_SET;
				c->wants[i].pos = e->pos;
			}
		}
		if (c->ndata < c->cap)
			c->blocks[c->ndata].pos = e->pos;
	} else if (c->ndata == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct block *b =
		    cap <= KSD_MAX_TOC_ENTRIES ? realloc(c->blocks, cap * sizeof(*b)) : NULL;
		if (!b)
			return toc_fail(&c->t, -1, "out of memory");
		c->blocks = b;
		c->cap = cap;
	}
	if (!c->in_copy)
		c->blocks[c->ndata] =
		    (struct block){e->pos, c->t.dump->ntoc - 1, e->dump_id, false};
	c->ndata++;
	if (e->pos_flag != TOC_POS_SET)
		c->any_unset = true;
	return KSD_OK;
}

/* The file ends at `at`, before the data of blocks[from..] (by offset) or
 * of the blocks no walk met (`unwalked`): their data is missing. */
static void missing(struct custom *c, size_t from, bool unwalked, long long at)
{
	for (size_t i = from; i < c->ndata; i++)
		if (!unwalked || !c->blocks[i].walked) {
			ksd_dump_data_missing(c->t.dump, c->blocks[i].entry, KSD_MISSING_CUT);
			c->t.dump->archive.cut_at = at;
		}
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
	codec_free(dec); /* its callback is done with d */
	int drc = toc_data_end(d, at);
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

static bool ends_with_marker(struct custom *c);

static int cmp_id(const void *a, const void *b)
{
	const struct block *x = a, *y = b;
	return (x->dump_id > y->dump_id) - (x->dump_id < y->dump_id);
}

/* Notes that block `id` was walked whole (blocks sorted by dump id). */
static void walked(struct custom *c, int id)
{
	struct block key = {.dump_id = id};
	struct block *b = bsearch(&key, c->blocks, c->ndata, sizeof(*c->blocks), cmp_id);
	if (b)
		b->walked = true;
}

/* No offsets, or no seeking: blocks in file order, from the TOC's end.
 * Walking every block also proves the archive is whole (a cut at a block
 * boundary included). A file with more data than WALK_ALL_MAX is walked only
 * up to the metadata blocks, and its end marker vouches for the rest: the
 * time then does not grow with the table data; without the marker the walk
 * goes on, to find where the data ends. When the input ends before the
 * blocks do, the blocks not walked are missing: a fact for the report, so
 * the walk's own error is dropped; any other failure is corruption. */
static int scan(struct custom *c)
{
	int seen = 0, rc = KSD_OK;
	bool can_jump = ksd_source_seekable(c->t.src) && c->data_end >= 0 &&
	                (uint64_t)c->data_end - c->toc_end > WALK_ALL_MAX;
	qsort(c->blocks, c->ndata, sizeof(*c->blocks), cmp_id);
	struct ksd_err before = *c->t.err;
	/* Whatever follows the last block (a TOC copy) is not data. */
	while ((size_t)seen < c->ndata) {
		long long at = (long long)ksd_source_tell(c->t.src);
		if (can_jump && wants_done(c)) {
			if (ends_with_marker(c))
				return rc;
			can_jump = false;
			if (ksd_source_seek(c->t.src, (uint64_t)at, c->t.err) != KSD_OK)
				return KSD_WARN;
		}
		size_t got;
		if (!ksd_source_peek(c->t.src, 1, &got))
			return ksd_err_at_offset(c->t.err, at, "read error");
		if (got == 0)
			break;
		int type, id, r = block_header(c, &type, &id);
		if (r == KSD_OK) {
			struct toc_want *w = find_want(c, id);
			r = w ? read_block(c, w, type, at) : skip_block(c, type, id, at);
		}
		if (r == KSD_FATAL && ksd_source_ran_out(c->t.src))
			break;
		if (r == KSD_FATAL)
			return KSD_WARN;
		if (r != KSD_OK) {
			rc = r;
			before = *c->t.err;
		}
		walked(c, id);
		seen++;
	}
	*c->t.err = before;
	long long size = c->data_end;
	missing(c, 0, true, size >= 0 ? size : (long long)ksd_source_tell(c->t.src));
	return rc;
}

/* The file ends with the end-of-data marker (a zero int) of its last block. */
static bool ends_with_marker(struct custom *c)
{
	long long size = c->data_end;
	size_t marker = (size_t)c->t.int_size + 1;
	unsigned char tail[9];
	struct ksd_err scratch;
	ksd_err_clear(&scratch);
	if (size < (long long)marker ||
	    ksd_source_seek(c->t.src, (uint64_t)size - marker, &scratch) != KSD_OK ||
	    ksd_source_read_exact(c->t.src, tail, marker, &scratch) != KSD_OK)
		return false;
	for (size_t i = 0; i < marker; i++)
		if (tail[i] != 0)
			return false;
	return true;
}

/* Whether the last block (blocks[n - 1], by offset) reaches the end of the
 * data: walked when small, otherwise told by the end marker. KSD_OK, KSD_WARN
 * (the input ends inside it), or KSD_FATAL (corrupt: err says why). */
static int last_block_whole(struct custom *c)
{
	const struct block *last = &c->blocks[c->ndata - 1];
	if ((uint64_t)c->data_end - last->pos > TAIL_WALK_MAX)
		return ends_with_marker(c) ? KSD_OK : KSD_WARN;
	struct ksd_err before = *c->t.err;
	int type, id;
	if (ksd_source_seek(c->t.src, last->pos, c->t.err) != KSD_OK)
		return KSD_FATAL;
	int r = block_header(c, &type, &id);
	if (r == KSD_OK && id != last->dump_id)
		return fail(c, (long long)last->pos, "block offset points at another block",
		            last->dump_id);
	if (r == KSD_OK)
		r = skip_block(c, type, id, (long long)last->pos);
	if (r == KSD_OK || !ksd_source_ran_out(c->t.src))
		return r;
	*c->t.err = before;
	return KSD_WARN;
}

static int cmp_block(const void *a, const void *b)
{
	const struct block *x = a, *y = b;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* The completeness check with offsets, reading no data: a block ends where
 * the next one (by offset) starts, the last one where the data does. The
 * blocks that start past the end of the file, and the one the end falls in,
 * are missing; *cut_from is the offset of the first of them (UINT64_MAX
 * when none is). */
static int check_offsets(struct custom *c, uint64_t *cut_from)
{
	*cut_from = UINT64_MAX;
	if (c->ndata == 0)
		return KSD_OK;
	qsort(c->blocks, c->ndata, sizeof(*c->blocks), cmp_block);
	if (c->blocks[0].pos < c->toc_end)
		return ksd_err_at_offset(c->t.err, (long long)c->toc_end,
		                         "data offset %" PRIu64 " inside the TOC: the archive is "
		                         "corrupt",
		                         c->blocks[0].pos);
	long long size = c->data_end;
	if (size < 0)
		return KSD_OK;
	size_t beyond = 0; /* the first block that starts at or past the end */
	while (beyond < c->ndata && c->blocks[beyond].pos < (uint64_t)size)
		beyond++;
	size_t from = beyond;
	if (beyond < c->ndata && beyond > 0 && c->blocks[beyond].pos > (uint64_t)size)
		from = beyond - 1; /* the end falls inside the block before */
	if (beyond == c->ndata) {
		int r = last_block_whole(c);
		if (r == KSD_FATAL)
			return r;
		if (r == KSD_WARN)
			from = c->ndata - 1;
	}
	if (from < c->ndata)
		*cut_from = c->blocks[from].pos;
	missing(c, from, false, size);
	return KSD_OK;
}

/* Offsets recorded: the completeness check, then a seek to each wanted
 * block that is there. */
static int seek_wants(struct custom *c)
{
	uint64_t cut_from;
	if (check_offsets(c, &cut_from) != KSD_OK)
		return KSD_FATAL;
	int rc = KSD_OK;
	for (size_t i = 0; i < c->nwants; i++) {
		struct toc_want *w = &c->wants[i];
		if (w->pos_flag != TOC_POS_SET || w->pos >= cut_from)
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
	return rc;
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
	size_t ndata = c->ndata;
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
	c->t = (struct toc){.src = src, .err = r->err, .dump = r->dump, .x = r->x, .custom = true};
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
	free(c->blocks);
	free(c);
	return toc_complete(r->dump, r->err, rc);
}
