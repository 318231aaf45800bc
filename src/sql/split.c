/* The words that open and close a BEGIN ATOMIC body, tracked one at a time
 * so that a token stream and a byte stream can both follow them. */
#include <strings.h>

#include "ksd_split.h"

static bool is_word(const char *w, size_t len, const char *kw, size_t kwlen)
{
	return len == kwlen && strncasecmp(w, kw, kwlen) == 0;
}

void split_word(struct split_body *b, const char *w, size_t len)
{
	bool begin = is_word(w, len, "begin", 5);
	if (b->after_begin && is_word(w, len, "atomic", 6))
		b->depth++;
	else if (b->depth > 0 && is_word(w, len, "case", 4))
		b->depth++;
	else if (b->depth > 0 && is_word(w, len, "end", 3))
		b->depth--;
	b->after_begin = begin;
}
