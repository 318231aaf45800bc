/* A bump allocator: the catalog's strings live here and die together. */
#ifndef KSD_ARENA_H
#define KSD_ARENA_H

#include <stddef.h>

struct ksd_arena;

struct ksd_arena *arena_new(void);
void arena_free(struct ksd_arena *a);
/* Zeroed, aligned for any object; NULL when out of memory. */
void *arena_alloc(struct ksd_arena *a, size_t size);
char *arena_strndup(struct ksd_arena *a, const char *s, size_t len);

#endif
