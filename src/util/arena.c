/* The bump allocator behind the catalog: 8 KiB blocks, a large request in a
 * block of its own (linked behind the current one, which stays open), every
 * allocation zeroed and aligned for any object; all freed at once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_arena.h"

#define BLOCK_SIZE 8192

struct block {
	struct block *next;
	size_t used, cap;
	max_align_t data[];
};

struct ksd_arena {
	struct block *head;
};

struct ksd_arena *arena_new(void)
{
	return calloc(1, sizeof(struct ksd_arena));
}

void arena_free(struct ksd_arena *a)
{
	if (!a)
		return;
	for (struct block *b = a->head, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *arena_alloc(struct ksd_arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	if (size > SIZE_MAX - align)
		return NULL;
	size = (size + align - 1) / align * align;
	struct block *b = a->head;
	if (!b || b->cap - b->used < size) {
		/* Large requests get a block of their own, so little space is wasted. */
		size_t cap = size > BLOCK_SIZE ? size : BLOCK_SIZE;
		b = malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->used = 0;
		b->cap = cap;
		if (a->head && size > BLOCK_SIZE) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct ksd_arena *a, const char *s, size_t len)
{
	if (len == SIZE_MAX)
		return NULL;
	char *p = arena_alloc(a, len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}
