/* The inventory: each table's row count, and for objects/records the rows
 * per resource name and the tombstones, as --list lines and JSON fields.
 * A table whose data the dump does not hold has no count (null). */
#include <inttypes.h>

#include "ksd_report.h"
#include "report/inventory.h"

void inventory_list_table(FILE *out, const struct ksd_table *t)
{
	if (t->data_dumped)
		fprintf(out, "      rows %" PRIu64 "\n", t->rows);
	else
		fputs("      rows not in the dump\n", out);
}

static bool any_inventory(const struct ksd_schema *s)
{
	static const char *const tables[] = {"objects", "records", "deleted"};
	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		const struct ksd_table *t = ksd_schema_table(s, tables[i]);
		if (t && t->data_dumped)
			return true;
	}
	return false;
}

void inventory_list_schema(FILE *out, const struct ksd_schema *s)
{
	if (!any_inventory(s))
		return;
	const struct ksd_inventory *inv = &s->inventory;
	fputs("    resources", out);
	for (size_t i = 0; i < inv->nresources; i++) {
		fputs(i ? ", " : " ", out);
		ksd_fput_safe(out, inv->resources[i].name[0] ? inv->resources[i].name : "''");
		fprintf(out, " %" PRIu64, inv->resources[i].rows);
	}
	if (inv->other)
		fprintf(out, "%sother or too many names %" PRIu64, inv->nresources ? ", " : " ",
		        inv->other);
	if (!inv->nresources && !inv->other)
		fputs(" none", out);
	fprintf(out, "\n    tombstones %" PRIu64 "\n", inv->tombstones);
}

void inventory_json(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_schema *s = in->schema;
	fputs(", \"rows\": {", out);
	for (size_t i = 0; i < s->ntables; i++) {
		const struct ksd_table *t = &s->tables[i];
		if (i)
			fputs(", ", out);
		ksd_fput_json(out, t->name);
		if (t->data_dumped)
			fprintf(out, ": %" PRIu64, t->rows);
		else
			fputs(": null", out);
	}
	bool known = any_inventory(s);
	const struct ksd_inventory *inv = &s->inventory;
	fputs("}, \"resources\": ", out);
	if (known) {
		putc('{', out);
		for (size_t i = 0; i < inv->nresources; i++) {
			if (i)
				fputs(", ", out);
			ksd_fput_json(out, inv->resources[i].name);
			fprintf(out, ": %" PRIu64, inv->resources[i].rows);
		}
		fprintf(out, "}, \"resources_other\": %" PRIu64 ", \"tombstones\": %" PRIu64,
		        inv->other, inv->tombstones);
	} else {
		fputs("null, \"resources_other\": null, \"tombstones\": null", out);
	}
	fputs(", \"created_at_value\": ", out);
	ksd_fput_json(out, in->created_at_value);
}
