/* The capped growable buffer: capacity doubles from 256 bytes, one byte is
 * always kept for buf_cstr's NUL, and appends past `max` are cut and flagged
 * rather than grown. */
#include <stdlib.h>
#include <string.h>

#include "ksd_buf.h"

void buf_init(struct buf *b, size_t max)
{
	memset(b, 0, sizeof(*b));
	b->max = max;
}

void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b, b->max);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	b->overflow = false;
}

static bool reserve(struct buf *b, size_t need)
{
	if (need <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->data = p;
	b->cap = cap;
	return true;
}

bool buf_append(struct buf *b, const void *p, size_t len)
{
	if (len > b->max - b->len) {
		len = b->max - b->len;
		b->overflow = true;
	}
	if (!reserve(b, b->len + len + 1))
		return false;
	memcpy(b->data + b->len, p, len);
	b->len += len;
	return true;
}

bool buf_push(struct buf *b, char c)
{
	if (b->len < b->cap - (b->cap > 0) && b->len < b->max) {
		b->data[b->len++] = c;
		return true;
	}
	return buf_append(b, &c, 1);
}

bool buf_cstr(struct buf *b)
{
	if (!reserve(b, b->len + 1))
		return false;
	b->data[b->len] = '\0';
	return true;
}
