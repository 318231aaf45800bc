/* The plugins' schema versions against their data (the known plugins are
 * src/facts/known_plugins.c). How Kinto reads a plugin's version: the
 * highest row by LPAD(value, 3, '0'), 1 when there is none, int() of the
 * value. */
#include <string.h>

#include "infer/plugins.h"

static uint64_t internal_rows(const struct ksd_inventory *inv, const char *parent,
                              const char *resource)
{
	for (size_t i = 0; i < inv->ninternal; i++)
		if (strcmp(inv->internal[i].parent_id, parent) == 0 &&
		    strcmp(inv->internal[i].resource_name, resource) == 0)
			return inv->internal[i].rows;
	return 0;
}

static struct ksd_plugin *find(struct ksd_instance *in, const char *name)
{
	size_t len = strlen(name);
	for (size_t i = 0; i < in->nplugins; i++)
		if (in->plugins[i].name_len == len && memcmp(in->plugins[i].row, name, len) == 0)
			return &in->plugins[i];
	return NULL;
}

static void judge(struct ksd_plugin *p, const struct ksd_known_plugin *k)
{
	p->reads = p->recorded > 0 ? p->recorded : p->recorded == 0 ? 1 : 0;
	if (p->recorded < 0) {
		p->run = KSD_PLUGIN_RUN_FAILS;
		return;
	}
	if (!k)
		return;
	p->current = k->current;
	p->run = p->reads < k->current    ? KSD_PLUGIN_RUN_MIGRATE
	         : p->reads == k->current ? KSD_PLUGIN_RUN_UP_TO_DATE
	                                  : KSD_PLUGIN_RUN_TOO_NEW;
}

void plugins_judge(const struct ksd_schema *s, struct ksd_instance *in)
{
	const struct ksd_table *objects = ksd_schema_table(s, "objects");
	bool counted = objects && objects->data_dumped;
	for (size_t i = 0; i < ksd_nknown_plugins; i++) {
		const struct ksd_known_plugin *k = &ksd_known_plugins[i];
		uint64_t unmoved =
		    counted ? internal_rows(&s->inventory, k->parent_id, k->old_resource) : 0;
		uint64_t moved =
		    counted ? internal_rows(&s->inventory, k->parent_id, k->new_resource) : 0;
		struct ksd_plugin *p = find(in, k->name);
		if (!p && unmoved && in->nplugins < KSD_MAX_PLUGINS) {
			p = &in->plugins[in->nplugins++];
			*p = (struct ksd_plugin){.row = k->name, .name_len = strlen(k->name)};
		}
		if (!p)
			continue;
		judge(p, k);
		p->data_known = counted;
		p->unmoved = unmoved;
		p->data_version = unmoved ? k->old_version : moved ? k->current : 0;
	}
	for (size_t i = 0; i < in->nplugins; i++)
		if (!in->plugins[i].current && !in->plugins[i].reads)
			judge(&in->plugins[i], NULL);
}
