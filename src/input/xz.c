/* The .xz container on two threads (xz.h). liblzma's own threaded decoder
 * holds a dictionary and a whole block's output per thread, which at xz's
 * default level (8 MiB dictionary, 24 MiB blocks) leaves room for one. Here
 * the container is parsed by us: of two blocks whose headers give their
 * sizes (xz -T writes them so), the compressed bytes of both are copied out
 * of the input (they arrive in order), a worker decodes the second into one
 * buffer while this thread decodes the first straight into the caller's,
 * then the worker's buffer is handed out. Only one block's output is held.
 * A block without sizes, or one over the budget, is decoded here alone from
 * the input without a copy; a copied block that finds no partner, from its
 * copy. */
#include <lzma.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/method.h"
#include "input/xz.h"
#include "input/xz_worker.h"
#include "ksd_limits.h"

#define BUDGET ((uint64_t)KSD_XZ_THREADS_MEM)

enum seq {
	SEQ_STREAM_HEADER,
	SEQ_BLOCK_HEADER,
	SEQ_FRESH, /* the header in slot 1 waits to be taken as a first block */
	SEQ_COPY,
	SEQ_BLOCK,
	SEQ_HANDOUT,
	SEQ_INDEX,
	SEQ_FOOTER,
	SEQ_PADDING,
	SEQ_FAIL, /* report `deferred` once the blocks before it are out */
	SEQ_END,
};

/* What a state's step leaves the loop with. */
enum act { GO, NEED_IN, OUT_FULL, DONE, FAILED };

struct io {
	const unsigned char *in;
	size_t in_len, in_pos;
	bool last;
	unsigned char *out;
	size_t out_cap, out_pos;
};

struct block {
	lzma_block b;
	lzma_filter filters[LZMA_FILTERS_MAX + 1];
	uint64_t rest; /* bytes after the header (data, padding, check); 0: unknown */
	uint64_t dict; /* its decoder's memory */
};

struct copy {
	unsigned char *p;
	size_t len, cap;
};

struct xz {
	enum seq seq, after; /* after: where a run of held blocks goes on */
	lzma_ret error;      /* LZMA_OK until something failed; then sticky */
	lzma_ret deferred;
	bool first_stream;
	lzma_stream_flags flags;
	lzma_index_hash *ih;
	unsigned char head[LZMA_BLOCK_HEADER_SIZE_MAX]; /* a header being gathered */
	size_t head_len;
	/* Slot 0: the block this thread decodes next; slot 1: the one after. */
	struct block blk[2];
	struct copy copy[2];
	unsigned held;    /* blocks read into copies and not yet decoded */
	unsigned copying; /* SEQ_COPY: the slot being filled */
	bool from_copy;   /* SEQ_BLOCK reads copy[0], not the input */
	size_t copy_pos;
	lzma_stream s;
	bool paired;        /* the worker has slot 1 */
	struct xz_worker w; /* decodes copy[1] into `out` */
	unsigned char *out; /* the worker's output, kept for the next pair */
	size_t out_cap, hand_pos;
	uint64_t padding;
};

/* libarchive's words; no memory limit is set, so none is hit. */
static const char *why(lzma_ret r)
{
	switch (r) {
	case LZMA_MEM_ERROR:
		return "Lzma library error: Cannot allocate memory";
	case LZMA_FORMAT_ERROR:
		return "Lzma library error: format not recognized";
	case LZMA_OPTIONS_ERROR:
		return "Lzma library error: Invalid options";
	case LZMA_DATA_ERROR:
		return "Lzma library error: Corrupted input data";
	case LZMA_BUF_ERROR:
		return "Lzma library error: No progress is possible";
	default:
		return "Lzma decompression failed: Unknown error";
	}
}

static enum act fail(struct xz *x, lzma_ret r)
{
	x->error = r;
	return FAILED;
}

static size_t min_size(size_t a, uint64_t b)
{
	return b < a ? (size_t)b : a;
}

/* A term of a memory sum, capped so that a sum of a few cannot wrap. */
static uint64_t term(uint64_t v)
{
	return v > BUDGET ? BUDGET + 1 : v;
}

static uint64_t larger(size_t have, uint64_t need)
{
	return have > need ? have : need;
}

static bool sized(const struct block *k)
{
	return k->rest > 0 && k->b.uncompressed_size != LZMA_VLI_UNKNOWN;
}

static void release(unsigned char **p, size_t *cap)
{
	free(*p);
	*p = NULL;
	*cap = 0;
}

/* Grows *p to `need` bytes (at least 1); false when out of memory. */
static bool reserve(unsigned char **p, size_t *cap, uint64_t need)
{
	if (need == 0)
		need = 1;
	if (*cap >= need)
		return true;
	release(p, cap);
	*p = malloc((size_t)need);
	if (!*p)
		return false;
	*cap = (size_t)need;
	return true;
}

/* Takes bytes into head[] until it holds `want`. */
static bool gather(struct xz *x, struct io *io, size_t want)
{
	size_t n = min_size(io->in_len - io->in_pos, want - x->head_len);
	memcpy(x->head + x->head_len, io->in + io->in_pos, n);
	x->head_len += n;
	io->in_pos += n;
	return x->head_len == want;
}

static void swap_slots(struct xz *x)
{
	struct block b = x->blk[0];
	x->blk[0] = x->blk[1];
	x->blk[1] = b;
	struct copy c = x->copy[0];
	x->copy[0] = x->copy[1];
	x->copy[1] = c;
}

/* Sets up `s` for slot k's block; its filter options are then not needed. */
static lzma_ret block_init(struct xz *x, lzma_stream *s, unsigned k)
{
	x->blk[k].b.filters = x->blk[k].filters;
	lzma_ret r = lzma_block_decoder(s, &x->blk[k].b);
	lzma_filters_free(x->blk[k].filters, NULL);
	return r;
}

/* This thread decodes slot 0, from its copy or from the input. */
static enum act start_block(struct xz *x, bool from_copy)
{
	lzma_ret r = block_init(x, &x->s, 0);
	if (r != LZMA_OK)
		return fail(x, r);
	x->from_copy = from_copy;
	x->copy_pos = 0;
	x->seq = SEQ_BLOCK;
	return GO;
}

/* The held blocks are decoded, then the run goes on at `after`. */
static enum act run_held(struct xz *x, enum seq after)
{
	x->after = after;
	return start_block(x, true);
}

/* An error found past held blocks is told after their bytes, as a decoder
 * reading block by block would. */
static enum act fail_after_held(struct xz *x, lzma_ret r)
{
	if (x->held == 0)
		return fail(x, r);
	x->deferred = r;
	return run_held(x, SEQ_FAIL);
}

static enum act index_block(struct xz *x, unsigned k)
{
	const lzma_block *b = &x->blk[k].b;
	lzma_ret r =
	    lzma_index_hash_append(x->ih, lzma_block_unpadded_size(b), b->uncompressed_size);
	return r == LZMA_OK ? GO : fail(x, r);
}

static enum act block_done(struct xz *x)
{
	if (index_block(x, 0) != GO)
		return FAILED;
	if (x->from_copy)
		x->held--;
	if (x->paired) {
		x->seq = SEQ_HANDOUT;
		return GO;
	}
	if (x->held > 0) {
		swap_slots(x);
		return start_block(x, true);
	}
	x->seq = x->after;
	return GO;
}

static enum act step_block(struct xz *x, struct io *io)
{
	const struct copy *c = &x->copy[0];
	const unsigned char *src = x->from_copy ? c->p + x->copy_pos : io->in + io->in_pos;
	size_t avail = x->from_copy ? c->len - x->copy_pos : io->in_len - io->in_pos;
	bool finish = x->from_copy || io->last;
	x->s.next_in = src;
	x->s.avail_in = avail;
	x->s.next_out = io->out + io->out_pos;
	x->s.avail_out = io->out_cap - io->out_pos;
	lzma_ret r = lzma_code(&x->s, finish ? LZMA_FINISH : LZMA_RUN);
	if (x->from_copy)
		x->copy_pos += avail - x->s.avail_in;
	else
		io->in_pos += avail - x->s.avail_in;
	io->out_pos = io->out_cap - x->s.avail_out;
	if (r == LZMA_STREAM_END)
		return block_done(x);
	if (r != LZMA_OK)
		return fail(x, r);
	if (x->s.avail_out == 0)
		return OUT_FULL;
	/* Finishing, liblzma says LZMA_BUF_ERROR after a call without progress. */
	return x->s.avail_in == 0 && !finish ? NEED_IN : GO;
}

/* Whether to copy a first sized block and wait for a second: only if one
 * like it could pair with it. Buffers kept from the last pair count at
 * their size; if they are what stands in the way, they go. */
static bool holdable(struct xz *x)
{
	const struct block *k = &x->blk[0];
	if (!sized(k))
		return false;
	uint64_t dicts = 2 * term(k->dict), rest = term(k->rest);
	uint64_t unc = term(k->b.uncompressed_size);
	if (dicts + larger(x->copy[0].cap, rest) + larger(x->copy[1].cap, rest) +
	        larger(x->out_cap, unc) <=
	    BUDGET)
		return true;
	for (unsigned i = 0; i < 2; i++)
		release(&x->copy[i].p, &x->copy[i].cap);
	release(&x->out, &x->out_cap);
	return dicts + 2 * rest + unc <= BUDGET;
}

static bool pairable(struct xz *x)
{
	const struct block *a = &x->blk[0], *b = &x->blk[1];
	if (!sized(b))
		return false;
	uint64_t fixed = term(a->dict) + term(b->dict) + x->copy[0].cap;
	uint64_t rest = term(b->rest), unc = term(b->b.uncompressed_size);
	if (fixed + larger(x->copy[1].cap, rest) + larger(x->out_cap, unc) <= BUDGET)
		return true;
	release(&x->copy[1].p, &x->copy[1].cap);
	release(&x->out, &x->out_cap);
	return fixed + rest + unc <= BUDGET;
}

static enum act start_copy(struct xz *x, unsigned k)
{
	x->copying = k;
	x->copy[k].len = 0;
	x->seq = SEQ_COPY;
	return GO;
}

/* Slot 0 holds a block header with nothing before it. */
static enum act first_block(struct xz *x)
{
	if (holdable(x) && reserve(&x->copy[0].p, &x->copy[0].cap, x->blk[0].rest))
		return start_copy(x, 0);
	x->after = SEQ_BLOCK_HEADER;
	return start_block(x, false);
}

static enum act second_block(struct xz *x)
{
	const struct block *b = &x->blk[1];
	if (pairable(x) && reserve(&x->copy[1].p, &x->copy[1].cap, b->rest) &&
	    reserve(&x->out, &x->out_cap, b->b.uncompressed_size))
		return start_copy(x, 1);
	return run_held(x, SEQ_FRESH);
}

static enum act block_header(struct xz *x, struct io *io)
{
	if (x->head_len == 0) {
		if (io->in_pos == io->in_len)
			return NEED_IN;
		if (io->in[io->in_pos] == 0) { /* the index begins */
			if (x->held > 0)
				return run_held(x, SEQ_BLOCK_HEADER);
			x->seq = SEQ_INDEX;
			return GO;
		}
	}
	uint32_t size =
	    lzma_block_header_size_decode(x->head_len ? x->head[0] : io->in[io->in_pos]);
	if (!gather(x, io, size))
		return NEED_IN;
	x->head_len = 0;
	struct block *k = &x->blk[x->held];
	lzma_filters_free(k->filters, NULL);
	k->b = (lzma_block){
	    .version = 1, .header_size = size, .check = x->flags.check, .filters = k->filters};
	lzma_ret r = lzma_block_header_decode(&k->b, NULL, x->head);
	if (r != LZMA_OK)
		return fail_after_held(x, r);
	lzma_vli total = lzma_block_total_size(&k->b);
	k->rest = total == 0 || total == LZMA_VLI_UNKNOWN ? 0 : total - size;
	k->dict = lzma_raw_decoder_memusage(k->filters);
	return x->held == 0 ? first_block(x) : second_block(x);
}

static enum act start_pair(struct xz *x)
{
	struct xz_worker *w = &x->w;
	x->paired = true;
	x->hand_pos = 0;
	w->made = 0;
	w->ret = block_init(x, &w->s, 1);
	if (w->ret == LZMA_OK)
		xz_worker_start(w, x->copy[1].p, x->copy[1].len, x->out,
		                (size_t)x->blk[1].b.uncompressed_size);
	return start_block(x, true);
}

static enum act step_copy(struct xz *x, struct io *io)
{
	struct copy *c = &x->copy[x->copying];
	size_t n = min_size(io->in_len - io->in_pos, x->blk[x->copying].rest - c->len);
	memcpy(c->p + c->len, io->in + io->in_pos, n);
	c->len += n;
	io->in_pos += n;
	if (c->len < x->blk[x->copying].rest)
		return NEED_IN;
	x->held = x->copying + 1;
	if (x->held == 2)
		return start_pair(x);
	x->seq = SEQ_BLOCK_HEADER;
	return GO;
}

static enum act step_handout(struct xz *x, struct io *io)
{
	struct xz_worker *w = &x->w;
	xz_worker_join(w);
	size_t n = min_size(io->out_cap - io->out_pos, w->made - x->hand_pos);
	memcpy(io->out + io->out_pos, x->out + x->hand_pos, n);
	io->out_pos += n;
	x->hand_pos += n;
	if (x->hand_pos < w->made)
		return OUT_FULL;
	x->paired = false;
	x->held = 0;
	if (w->ret != LZMA_STREAM_END)
		return fail(x, w->ret);
	x->seq = SEQ_BLOCK_HEADER;
	return index_block(x, 1);
}

static enum act stream_header(struct xz *x, struct io *io)
{
	if (!gather(x, io, LZMA_STREAM_HEADER_SIZE))
		return NEED_IN;
	x->head_len = 0;
	lzma_ret r = lzma_stream_header_decode(&x->flags, x->head);
	if (r == LZMA_FORMAT_ERROR && !x->first_stream)
		r = LZMA_DATA_ERROR; /* after a stream: neither padding nor a stream */
	if (r != LZMA_OK)
		return fail(x, r);
	x->first_stream = false;
	x->ih = lzma_index_hash_init(x->ih, NULL);
	if (!x->ih)
		return fail(x, LZMA_MEM_ERROR);
	x->seq = SEQ_BLOCK_HEADER;
	return GO;
}

static enum act step_index(struct xz *x, struct io *io)
{
	if (io->in_pos == io->in_len)
		return NEED_IN;
	lzma_ret r = lzma_index_hash_decode(x->ih, io->in, &io->in_pos, io->in_len);
	if (r == LZMA_OK)
		return NEED_IN;
	if (r != LZMA_STREAM_END)
		return fail(x, r);
	x->seq = SEQ_FOOTER;
	return GO;
}

static enum act stream_footer(struct xz *x, struct io *io)
{
	if (!gather(x, io, LZMA_STREAM_HEADER_SIZE))
		return NEED_IN;
	x->head_len = 0;
	lzma_stream_flags foot;
	lzma_ret r = lzma_stream_footer_decode(&foot, x->head);
	if (r == LZMA_FORMAT_ERROR)
		r = LZMA_DATA_ERROR;
	if (r == LZMA_OK && foot.backward_size != lzma_index_hash_size(x->ih))
		r = LZMA_DATA_ERROR;
	if (r == LZMA_OK)
		r = lzma_stream_flags_compare(&x->flags, &foot);
	if (r != LZMA_OK)
		return fail(x, r);
	x->padding = 0;
	x->seq = SEQ_PADDING;
	return GO;
}

/* Zero bytes in fours between streams; at the end, the input's end. */
static enum act stream_padding(struct xz *x, struct io *io)
{
	while (io->in_pos < io->in_len && io->in[io->in_pos] == 0) {
		io->in_pos++;
		x->padding++;
	}
	if (io->in_pos == io->in_len && !io->last)
		return NEED_IN;
	if (x->padding % 4 != 0)
		return fail(x, LZMA_DATA_ERROR);
	if (io->in_pos == io->in_len) {
		x->seq = SEQ_END;
		return DONE;
	}
	x->seq = SEQ_STREAM_HEADER;
	return GO;
}

static enum act advance(struct xz *x, struct io *io)
{
	switch (x->seq) {
	case SEQ_STREAM_HEADER:
		return stream_header(x, io);
	case SEQ_BLOCK_HEADER:
		return block_header(x, io);
	case SEQ_FRESH:
		swap_slots(x);
		return first_block(x);
	case SEQ_COPY:
		return step_copy(x, io);
	case SEQ_BLOCK:
		return step_block(x, io);
	case SEQ_HANDOUT:
		return step_handout(x, io);
	case SEQ_INDEX:
		return step_index(x, io);
	case SEQ_FOOTER:
		return stream_footer(x, io);
	case SEQ_PADDING:
		return stream_padding(x, io);
	case SEQ_FAIL:
		return fail(x, x->deferred);
	case SEQ_END:
		return DONE;
	}
	return fail(x, LZMA_PROG_ERROR);
}

/* The input ended where more was needed: what was read is decoded first. */
static enum act truncated(struct xz *x)
{
	if (x->seq == SEQ_COPY)
		x->held = x->copying + 1; /* its part too, as far as it goes */
	return fail_after_held(x, LZMA_BUF_ERROR);
}

struct xz *xz_new(void)
{
	struct xz *x = calloc(1, sizeof(*x));
	if (!x)
		return NULL;
	x->first_stream = true;
	x->s = (lzma_stream)LZMA_STREAM_INIT;
	x->w.s = (lzma_stream)LZMA_STREAM_INIT;
	for (unsigned k = 0; k < 2; k++)
		x->blk[k].filters[0].id = LZMA_VLI_UNKNOWN;
	return x;
}

void xz_free(struct xz *x)
{
	if (!x)
		return;
	xz_worker_stop(&x->w);
	lzma_end(&x->s);
	lzma_end(&x->w.s);
	lzma_index_hash_end(x->ih, NULL);
	for (unsigned k = 0; k < 2; k++) {
		lzma_filters_free(x->blk[k].filters, NULL);
		free(x->copy[k].p);
	}
	free(x->out);
	free(x);
}

enum unpack_status xz_step(struct xz *x, const unsigned char *in, size_t in_len, bool last,
                           size_t *used, unsigned char *out, size_t out_cap, size_t *made)
{
	struct io io = {in, in_len, 0, last, out, out_cap, 0};
	enum act a = x->error != LZMA_OK ? FAILED : GO;
	while (a == GO) {
		a = advance(x, &io);
		if (a == NEED_IN && last)
			a = truncated(x);
	}
	*used = io.in_pos;
	*made = io.out_pos;
	if (a == DONE)
		return UNPACK_END;
	/* The bytes come first; the error stays for the next call. */
	return a == FAILED && io.out_pos == 0 ? UNPACK_ERROR : UNPACK_OK;
}

const char *xz_error(const struct xz *x)
{
	return why(x->error);
}

/* The method unpack.h's table calls. */
static void *xz_open(void)
{
	return xz_new();
}

static void xz_close(void *s)
{
	xz_free(s);
}

static enum unpack_status xz_run(struct unpack *u, const unsigned char *in, size_t in_len,
                                 bool last, size_t *used, unsigned char *out, size_t out_cap,
                                 size_t *made)
{
	enum unpack_status st = xz_step(u->s, in, in_len, last, used, out, out_cap, made);
	return st == UNPACK_ERROR ? unpack_fail(u, xz_error(u->s), NULL) : st;
}

const struct unpack_method unpack_xz = {xz_open, xz_close, xz_run};
