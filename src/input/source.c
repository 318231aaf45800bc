/* Byte source over a file descriptor, one of our decoders (unpack.h) or,
 * for what none of them decodes, a libarchive decompressing stream. One fixed buffer per source;
 * large reads bypass it. A long sequential read of a file or a pipe is read
 * ahead by a second thread (ahead.h) into a second buffer, and the two swap. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <archive.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "input/ahead.h"
#include "ksd_detect.h"
#include "ksd_unpack.h"
#include "ksd_source.h"

#define BUF_SIZE (1u << 20)
/* Reads start this small after an open or a seek and double up to BUF_SIZE:
 * an archive reader that seeks to one block reads little around it, while
 * a long sequential read soon uses the whole buffer. */
#define READ_MIN  (64u << 10)
#define PIPE_SIZE (1 << 20) /* the most an unprivileged process may ask for */
/* Once reads have ramped up, a file with more than this left (or a pipe) is
 * read ahead by a second thread, into a buffer of its own at this offset:
 * the bytes a fill() keeps are copied in front of them, which is never more
 * than it asks for, KSD_SOURCE_PEEK_MAX. */
#define AHEAD_MIN     (8u * BUF_SIZE)
#define AHEAD_RESERVE KSD_SOURCE_PEEK_MAX
/* The hand-overs whose waits are weighed together (ahead_pays). */
#define AHEAD_WINDOW 16

struct ksd_source {
	const char *name;
	int fd;                   /* -1 when reading through `up` or `ar` */
	struct unpack *up;        /* our decompressor, or NULL */
	struct archive *ar;       /* libarchive's decompressor, or NULL */
	struct ksd_source *inner; /* what `up` or `ar` reads from */
	bool ar_borrowed;         /* `ar` belongs to the caller (an archive member) */
	size_t read_size;         /* next read's size, ramping up to BUF_SIZE */
	bool seekable;
	long long size;
	unsigned char *buf;
	size_t pos, len;  /* buf[pos..len) is unconsumed */
	uint64_t buf_off; /* stream offset of buf[0] */
	uint64_t raw_read;
	bool eof;
	bool ran_out;           /* since the last seek, the input ended before a read or skip did */
	struct ksd_err *cb_err; /* where the libarchive read callback reports */
	struct ahead ahead;     /* the read-ahead thread, when `next` is set */
	unsigned char *next;    /* its buffer; NULL when no thread runs */
	bool asked;             /* a read of the stream at next_off is under way */
	bool no_ahead; /* read in turn: a decoder's input, no thread, a file's end read ahead, or no
	                  gain */
	uint64_t next_off;
	size_t lo; /* buf[0..lo) holds no input (after a read-ahead swap) */
	/* The current window of hand-overs: how many, the caller's waits and
	 * the thread's reads (CPU ns), and how many windows in a row did not
	 * pay. */
	unsigned win_n, win_lost;
	long long win_wait, win_read;
};

static ksd_progress_fn *progress;

void ksd_source_set_progress(ksd_progress_fn *fn)
{
	progress = fn;
}

static struct ksd_source *source_alloc(const char *name)
{
	struct ksd_source *src = calloc(1, sizeof(*src));
	if (!src)
		return NULL;
	src->buf = malloc(BUF_SIZE);
	if (!src->buf) {
		free(src);
		return NULL;
	}
	src->name = name;
	src->fd = -1;
	src->size = -1;
	src->read_size = READ_MIN;
	return src;
}

struct ksd_source *ksd_source_open(const char *path, struct ksd_err *err)
{
	struct ksd_source *src = source_alloc(path);
	if (!src) {
		ksd_err_at_offset(err, -1, "out of memory");
		return NULL;
	}
	if (strcmp(path, "-") == 0) {
		src->fd = STDIN_FILENO;
		src->name = "(stdin)";
	} else {
		src->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (src->fd < 0) {
			ksd_err_at_offset(err, -1, "cannot open: %s", strerror(errno));
			ksd_source_free(src);
			return NULL;
		}
	}
	struct stat st;
	if (fstat(src->fd, &st) != 0)
		return src;
	if (S_ISREG(st.st_mode)) {
		src->size = st.st_size;
		src->seekable = lseek(src->fd, 0, SEEK_CUR) == 0;
	} else if (S_ISFIFO(st.st_mode)) {
		/* A larger pipe lets the writer run ahead: half the wake-ups on
		 * both sides (bench/results.md). Best effort. */
		fcntl(src->fd, F_SETPIPE_SZ, PIPE_SIZE);
	}
	return src;
}

void ksd_source_free(struct ksd_source *src)
{
	if (!src)
		return;
	unpack_free(src->up);
	if (src->ar && !src->ar_borrowed)
		archive_read_free(src->ar);
	if (src->next) {
		ahead_stop(&src->ahead);
		free(src->next);
	}
	if (src->fd > STDIN_FILENO)
		close(src->fd);
	free(src->buf);
	free(src);
}

static int fill(struct ksd_source *src, size_t want, struct ksd_err *err);

/* Decodes from the inner source's buffer straight into dst. */
static ssize_t unpack_read(struct ksd_source *src, void *dst, size_t len, struct ksd_err *err)
{
	struct ksd_source *in = src->inner;
	for (;;) {
		if (fill(in, UNPACK_LOOKAHEAD, err) != KSD_OK)
			return -1;
		size_t used, made;
		enum unpack_status st = unpack_step(src->up, in->buf + in->pos, in->len - in->pos,
		                                    in->eof, &used, dst, len, &made);
		in->pos += used;
		if (st == UNPACK_ERROR) {
			ksd_err_at_offset(err, (long long)ksd_source_tell(in),
			                  "decompression failed: %s", unpack_error(src->up));
			return -1;
		}
		/* An ended stream reads as the end of input from now on. */
		if (made > 0 || st == UNPACK_END) {
			src->raw_read += made;
			return (ssize_t)made;
		}
	}
}

/* Reads into dst from the underlying fd or decompressor: >0, 0 at end, -1. */
static ssize_t raw_read(struct ksd_source *src, void *dst, size_t len, struct ksd_err *err)
{
	if (src->up)
		return unpack_read(src, dst, len, err);
	if (src->ar) {
		src->cb_err = err;
		la_ssize_t n = archive_read_data(src->ar, dst, len);
		if (n < 0) {
			/* The offset that helps is the compressed one. */
			ksd_err_at_offset(
			    err, (long long)ksd_source_tell(src->inner ? src->inner : src),
			    "%s: %s", src->inner ? "decompression failed" : "read error",
			    archive_error_string(src->ar));
			return -1;
		}
		src->raw_read += (uint64_t)n;
		return n;
	}
	for (;;) {
		ssize_t n = read(src->fd, dst, len);
		if (n >= 0) {
			src->raw_read += (uint64_t)n;
			if (progress)
				progress(src->name, src->raw_read, src->size);
			return n;
		}
		if (errno != EINTR) {
			ksd_err_at_offset(err, (long long)(src->buf_off + src->len),
			                  "read error: %s", strerror(errno));
			return -1;
		}
	}
}

/* Asks the thread for the bytes that follow the buffer's. */
static void ask_ahead(struct ksd_source *src)
{
	src->next_off = src->buf_off + src->len;
	ahead_ask(&src->ahead, src->next + AHEAD_RESERVE, BUF_SIZE - AHEAD_RESERVE);
	src->asked = true;
}

/* Whether the next reads are worth a thread: a file or a pipe read
 * sequentially at full size, with much left. Starts it if so. */
static bool start_ahead(struct ksd_source *src)
{
	if (src->fd < 0 || src->up || src->ar || src->no_ahead || src->read_size < BUF_SIZE ||
	    (src->size >= 0 && (uint64_t)src->size - (src->buf_off + src->len) < AHEAD_MIN))
		return false;
	if (!src->next) {
		src->next = malloc(BUF_SIZE);
		if (!src->next || !ahead_start(&src->ahead, src->fd, !src->seekable)) {
			free(src->next);
			src->next = NULL;
			src->no_ahead = true;
			return false;
		}
	}
	ask_ahead(src);
	return true;
}

/* Whether the thread pays: the caller waits for its reads for less than
 * they take, so they overlap its work. Where it waits as long as they take
 * (the cores busy with other work, both threads on one core, a slow pipe),
 * reading in turn costs no more and saves the hand-overs (bench/results.md):
 * after two such windows in a row, the rest is read in turn. */
static bool ahead_pays(struct ksd_source *src, long long waited, long long read_cpu)
{
	src->win_wait += waited;
	src->win_read += read_cpu;
	if (++src->win_n < AHEAD_WINDOW)
		return true;
	src->win_lost = src->win_wait * 4 < src->win_read * 3 ? 0 : src->win_lost + 1;
	src->win_n = 0;
	src->win_wait = src->win_read = 0;
	return src->win_lost < 2;
}

/* Takes the read ahead's buffer, the unconsumed bytes copied in front of
 * its input, and asks for the next one into the buffer given back. */
static int take_ahead(struct ksd_source *src, struct ksd_err *err)
{
	int error;
	long long waited, read_cpu;
	ssize_t n = ahead_wait(&src->ahead, &error, &waited, &read_cpu);
	src->asked = false;
	if (n < 0)
		return ksd_err_at_offset(err, (long long)src->next_off, "read error: %s",
		                         strerror(error));
	if (n == 0 && src->seekable) {
		/* The end as it was when read ahead: a file still being written
		 * may have grown since, so it is read again, and from now on in
		 * turn (a file cut shorter than it was would start the thread
		 * again and again). */
		src->no_ahead = true;
		return KSD_OK;
	}
	size_t left = src->len - src->pos;
	unsigned char *b = src->next;
	memcpy(b + AHEAD_RESERVE - left, src->buf + src->pos, left);
	src->next = src->buf;
	src->buf = b;
	src->buf_off = src->next_off - AHEAD_RESERVE;
	src->lo = src->pos = AHEAD_RESERVE - left;
	src->len = AHEAD_RESERVE + (size_t)n;
	src->raw_read += (uint64_t)n;
	if (progress)
		progress(src->name, src->raw_read, src->size);
	if (n == 0) {
		src->eof = true;
	} else if (!ahead_pays(src, waited, read_cpu)) {
		src->no_ahead = true; /* in turn from here */
	} else {
		ask_ahead(src);
	}
	return KSD_OK;
}

/* Fills the buffer until it holds `want` unconsumed bytes or input ends. */
static int fill(struct ksd_source *src, size_t want, struct ksd_err *err)
{
	while (src->asked && !src->eof && src->len - src->pos < want)
		if (take_ahead(src, err) != KSD_OK)
			return KSD_FATAL;
	if (src->asked)
		return KSD_OK;
	if (src->pos > 0 && src->len - src->pos < want) {
		memmove(src->buf, src->buf + src->pos, src->len - src->pos);
		src->buf_off += src->pos;
		src->len -= src->pos;
		src->pos = src->lo = 0;
	}
	while (!src->eof && src->len - src->pos < want) {
		if (start_ahead(src))
			return fill(src, want, err);
		size_t ask = BUF_SIZE - src->len;
		size_t need = want - (src->len - src->pos);
		size_t step = src->read_size > need ? src->read_size : need;
		if (ask > step)
			ask = step;
		if (src->read_size < BUF_SIZE)
			src->read_size *= 2;
		ssize_t n = raw_read(src, src->buf + src->len, ask, err);
		if (n < 0)
			return KSD_FATAL;
		if (n == 0)
			src->eof = true;
		src->len += (size_t)n;
	}
	return KSD_OK;
}

const unsigned char *ksd_source_peek(struct ksd_source *src, size_t want, size_t *got)
{
	struct ksd_err scratch;
	ksd_err_clear(&scratch);
	if (want > KSD_SOURCE_PEEK_MAX)
		want = KSD_SOURCE_PEEK_MAX;
	if (fill(src, want, &scratch) != KSD_OK) {
		*got = 0;
		return NULL;
	}
	*got = src->len - src->pos < want ? src->len - src->pos : want;
	return src->buf + src->pos;
}

int ksd_source_next(struct ksd_source *src, const unsigned char **data, size_t *len, size_t max,
                    struct ksd_err *err)
{
	if (src->pos == src->len) {
		if (!src->asked) {
			src->buf_off += src->len;
			src->pos = src->len = src->lo = 0;
		}
		if (fill(src, 1, err) != KSD_OK)
			return KSD_FATAL;
	}
	size_t n = src->len - src->pos;
	if (n > max)
		n = max;
	*data = src->buf + src->pos;
	*len = n;
	src->pos += n;
	return KSD_OK;
}

ssize_t ksd_source_read(struct ksd_source *src, void *buf, size_t len, struct ksd_err *err)
{
	size_t have = src->len - src->pos;
	if (have == 0 && len >= BUF_SIZE / 2 && !src->asked) {
		/* Large reads skip the copy through our buffer. */
		src->buf_off += src->len;
		src->pos = src->len = src->lo = 0;
		if (src->eof)
			return 0;
		ssize_t n = raw_read(src, buf, len, err);
		if (n > 0)
			src->buf_off += (uint64_t)n;
		else if (n == 0)
			src->eof = true;
		return n;
	}
	if (have == 0) {
		if (fill(src, 1, err) != KSD_OK)
			return -1;
		have = src->len - src->pos;
	}
	if (have > len)
		have = len;
	memcpy(buf, src->buf + src->pos, have);
	src->pos += have;
	return (ssize_t)have;
}

int ksd_source_read_exact(struct ksd_source *src, void *buf, size_t len, struct ksd_err *err)
{
	unsigned char *p = buf;
	uint64_t start = ksd_source_tell(src);
	while (len > 0) {
		ssize_t n = ksd_source_read(src, p, len, err);
		if (n < 0)
			return KSD_FATAL;
		if (n == 0) {
			src->ran_out = true;
			return ksd_err_at_offset(err, (long long)start,
			                         "unexpected end of input (%zu more bytes needed)",
			                         len);
		}
		p += n;
		len -= (size_t)n;
	}
	return KSD_OK;
}

int ksd_source_seek(struct ksd_source *src, uint64_t offset, struct ksd_err *err)
{
	if (offset >= src->buf_off + src->lo && offset <= src->buf_off + src->len) {
		src->pos = (size_t)(offset - src->buf_off);
		src->ran_out = false;
		return KSD_OK;
	}
	if (!src->seekable)
		return KSD_FATAL;
	if (src->asked) { /* the read ahead is of bytes no longer wanted */
		int error;
		long long waited, read_cpu;
		ahead_wait(&src->ahead, &error, &waited, &read_cpu);
		src->asked = false;
	}
	if (offset > (uint64_t)INT64_MAX || lseek(src->fd, (off_t)offset, SEEK_SET) < 0)
		return ksd_err_at_offset(err, (long long)ksd_source_tell(src),
		                         "cannot seek to offset %llu", (unsigned long long)offset);
	src->buf_off = offset;
	src->pos = src->len = src->lo = 0;
	src->eof = src->ran_out = false;
	src->read_size = READ_MIN;
	return KSD_OK;
}

int ksd_source_skip(struct ksd_source *src, uint64_t n, struct ksd_err *err)
{
	uint64_t target = ksd_source_tell(src) + n;
	if (src->seekable) {
		if (src->size >= 0 && target > (uint64_t)src->size) {
			src->ran_out = true;
			return ksd_err_at_offset(
			    err, (long long)ksd_source_tell(src),
			    "unexpected end of input: %llu bytes to skip, %llu "
			    "left",
			    (unsigned long long)n,
			    (unsigned long long)((uint64_t)src->size - ksd_source_tell(src)));
		}
		return ksd_source_seek(src, target, err);
	}
	while (ksd_source_tell(src) < target) {
		const unsigned char *d;
		size_t len;
		uint64_t left = target - ksd_source_tell(src);
		if (ksd_source_next(src, &d, &len, left > BUF_SIZE ? BUF_SIZE : (size_t)left, err))
			return KSD_FATAL;
		if (len == 0) {
			src->ran_out = true;
			return ksd_err_at_offset(
			    err, (long long)ksd_source_tell(src),
			    "unexpected end of input (%llu more bytes to skip)",
			    (unsigned long long)left);
		}
	}
	return KSD_OK;
}

bool ksd_source_seekable(const struct ksd_source *src)
{
	return src->seekable;
}

bool ksd_source_ran_out(const struct ksd_source *src)
{
	return src->ran_out;
}

uint64_t ksd_source_tell(const struct ksd_source *src)
{
	return src->buf_off + src->pos;
}

long long ksd_source_size(const struct ksd_source *src)
{
	return src->size;
}

uint64_t ksd_source_bytes_read(const struct ksd_source *src)
{
	return src->inner ? ksd_source_bytes_read(src->inner) : src->raw_read;
}

const char *ksd_source_name(const struct ksd_source *src)
{
	return src->name;
}

static la_ssize_t inner_read(struct archive *ar, void *data, const void **out)
{
	struct ksd_source *src = data;
	const unsigned char *d;
	size_t len;
	if (ksd_source_next(src->inner, &d, &len, BUF_SIZE, src->cb_err) != KSD_OK) {
		archive_set_error(ar, EIO, "read error");
		return -1;
	}
	*out = d;
	return (la_ssize_t)len;
}

/* Our decoder over `inner`, or NULL (err filled when out of memory). */
static struct ksd_source *unpack_source(struct ksd_source *inner, enum ksd_compression comp,
                                        struct ksd_err *err)
{
	struct ksd_source *src = source_alloc(inner->name);
	if (src)
		src->up = unpack_new(comp);
	if (!src || !src->up) {
		ksd_source_free(src);
		ksd_err_at_offset(err, -1, "out of memory");
		return NULL;
	}
	src->inner = inner;
	/* The head is decoded now, so that a stream broken at its start is
	 * reported here with its reason, not later as a failed peek. */
	if (fill(src, KSD_SOURCE_PEEK_MAX, err) != KSD_OK) {
		ksd_source_free(src);
		return NULL;
	}
	return src;
}

struct ksd_source *ksd_source_decompress(struct ksd_source *inner, struct ksd_err *err)
{
	/* A decoder's input is read in turn: decoding costs many times the
	 * read, and a second buffer would take the one-block xz limit's room.
	 * (Decoding on the thread instead was slower: bench/results.md.) */
	inner->no_ahead = true;
	size_t got;
	const unsigned char *head = ksd_source_peek(inner, UNPACK_LOOKAHEAD, &got);
	enum ksd_compression comp = head ? ksd_detect_compression(head, got) : KSD_COMP_NONE;
	if (unpack_supports(comp))
		return unpack_source(inner, comp, err);
	struct ksd_source *src = source_alloc(inner->name);
	struct archive *ar = archive_read_new();
	if (!src || !ar) {
		free(src ? src->buf : NULL);
		free(src);
		if (ar)
			archive_read_free(ar);
		ksd_err_at_offset(err, -1, "out of memory");
		return NULL;
	}
	src->ar = ar;
	src->inner = inner;
	src->cb_err = err;
	struct archive_entry *entry;
	if (archive_read_support_filter_all(ar) != ARCHIVE_OK ||
	    archive_read_support_format_raw(ar) != ARCHIVE_OK ||
	    archive_read_open(ar, src, NULL, inner_read, NULL) != ARCHIVE_OK ||
	    archive_read_next_header(ar, &entry) != ARCHIVE_OK) {
		ksd_err_at_offset(err, 0, "cannot decompress: %s",
		                  archive_error_string(ar) ? archive_error_string(ar) : "unknown");
		ksd_source_free(src);
		return NULL;
	}
	return src;
}

struct ksd_source *ksd_source_archive_entry(struct archive *ar, const char *name, long long size,
                                            struct ksd_err *err)
{
	struct ksd_source *src = source_alloc(name);
	if (!src) {
		ksd_err_at_offset(err, -1, "out of memory");
		return NULL;
	}
	src->ar = ar;
	src->ar_borrowed = true;
	src->size = size;
	return src;
}
