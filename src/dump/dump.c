/* The dump's facts: its arena of strings, the server calls it makes, its
 * TOC entries and which of them lack their data. */
#include <stdlib.h>
#include <string.h>

#include "ksd_dump.h"
#include "ksd_arena.h"
#include "ksd_array.h"

struct ksd_dump *ksd_dump_new(void)
{
	struct ksd_dump *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->arena = arena_new();
	if (!d->arena) {
		free(d);
		return NULL;
	}
	return d;
}

void ksd_dump_free(struct ksd_dump *d)
{
	if (!d)
		return;
	free(d->toc);
	arena_free(d->arena);
	free(d);
}

const char *ksd_dump_strdup(struct ksd_dump *d, const char *s)
{
	return s ? arena_strndup(d->arena, s, strlen(s)) : NULL;
}

const char *ksd_dump_strndup(struct ksd_dump *d, const char *s, size_t len)
{
	return s ? arena_strndup(d->arena, s, len) : NULL;
}

int ksd_dump_add_call(struct ksd_dump *d, const char *name)
{
	struct ksd_provenance *p = &d->prov;
	for (size_t i = 0; i < p->ncalls; i++)
		if (strcmp(p->calls[i], name) == 0)
			return 0;
	if (p->ncalls == KSD_MAX_CALLS) {
		p->calls_truncated = true;
		return 0;
	}
	const char *kept = ksd_dump_strdup(d, name);
	if (!kept)
		return -1;
	p->calls[p->ncalls++] = kept;
	return 0;
}

/* Copies the string *s in place; false when a non-NULL one could not be. */
static bool keep(struct ksd_dump *d, const char **s)
{
	const char *was = *s;
	*s = ksd_dump_strdup(d, was);
	return !was || *s;
}

int ksd_dump_add_toc(struct ksd_dump *d, const struct ksd_toc_entry *e)
{
	struct ksd_toc_entry copy = *e;
	if (!keep(d, &copy.desc) || !keep(d, &copy.schema) || !keep(d, &copy.tag) ||
	    !keep(d, &copy.owner) || !keep(d, &copy.file))
		return -1;
	struct ksd_toc_entry *slot = APPEND(d->toc, d->ntoc);
	if (!slot)
		return -1;
	*slot = copy;
	return 0;
}

void ksd_dump_data_missing(struct ksd_dump *d, size_t i, enum ksd_missing_kind kind)
{
	if (i >= d->ntoc || d->toc[i].data_missing)
		return;
	d->toc[i].data_missing = true;
	d->archive.missing = kind;
	d->archive.nmissing++;
}

bool ksd_dump_table_data_missing(const struct ksd_dump *d, const char *schema, const char *table)
{
	for (size_t i = 0; d->archive.nmissing && i < d->ntoc; i++) {
		const struct ksd_toc_entry *e = &d->toc[i];
		bool in_schema =
		    e->schema && schema ? strcmp(e->schema, schema) == 0 : !e->schema && !schema;
		if (e->data_missing && in_schema && e->tag && strcmp(e->tag, table) == 0)
			return true;
	}
	return false;
}
