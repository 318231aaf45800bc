/* The metadata rows read exactly as Kinto reads them: the top row by
 * LPAD(value, 3, '0'), the value through Python's int(), for storage,
 * permission and each plugin, and the rows Kinto would not have written
 * (duplicates, unknown names or values). */
#include <stdbool.h>
#include <string.h>

#include "infer/metadata.h"

static const char STORAGE_ROW[] = "storage_schema_version";
static const char PERMISSION_ROW[] = "permission_schema_version";

/* PostgreSQL's lpad(value, 3, '0') on UTF-8 text: characters, not bytes.
 * A character has at most 3 continuation bytes, even in broken UTF-8. */
static void lpad3(const char *v, char out[16])
{
	size_t chars = 0, bytes = 0;
	while (v[bytes] && chars < 3) {
		bytes++;
		for (int k = 0; k < 3 && ((unsigned char)v[bytes] & 0xc0) == 0x80; k++)
			bytes++;
		chars++;
	}
	size_t pad = 3 - chars;
	memset(out, '0', pad);
	memcpy(out + pad, v, bytes);
	out[pad + bytes] = '\0';
}

/* Python's int() as Kinto applies it to the value: surrounding spaces, a
 * sign, digits with single underscores between them. -1 when it raises. */
static int python_int(const char *v)
{
	const char *p = v;
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	bool neg = *p == '-';
	if (*p == '+' || *p == '-')
		p++;
	long n = 0;
	bool digit = false;
	while ((*p >= '0' && *p <= '9') || (*p == '_' && digit && p[1] >= '0' && p[1] <= '9')) {
		if (*p != '_') {
			n = n * 10 + (*p - '0');
			if (n > 1000000)
				n = 1000000;
		}
		digit = *p != '_';
		p++;
	}
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p || !digit)
		return -1;
	return neg ? (n == 0 ? 0 : -1) : (int)n;
}

static bool same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Kinto's reading of one backend's rows: the first row by LPAD(value,3,'0')
 * descending, ties in dump order. */
static void read_rows(const struct ksd_metadata *m, const char *name,
                      struct ksd_backend_verdict *bv)
{
	char best[16] = "", key[16];
	const struct ksd_meta_row *top = NULL;
	bv->lowest_row = 0;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct ksd_meta_row *r = &m->rows[i];
		if (!same(r->name, name))
			continue;
		bv->rows++;
		if (!r->value) {
			/* NULL sorts first in a descending ORDER BY. */
			if (!top || top->value)
				top = r;
			continue;
		}
		int v = python_int(r->value);
		if (v > 0 && (bv->lowest_row == 0 || v < bv->lowest_row))
			bv->lowest_row = v;
		if (v > 0 && v <= KSD_STORAGE_MAX)
			bv->row_versions |= KSD_VBIT(v);
		if (top && !top->value)
			continue;
		lpad3(r->value, key);
		if (!top || strcmp(key, best) > 0) {
			top = r;
			strcpy(best, key);
		}
	}
	if (!top)
		return;
	bv->recorded_value = top->value;
	bv->recorded = top->value ? python_int(top->value) : -1;
	if (bv->recorded == 0)
		bv->recorded = -1;
}

/* The length of <name> in a `<name>_schema_version` row name, 0 for any
 * other name. */
static size_t version_row_prefix(const char *n)
{
	static const char suffix[] = "_schema_version";
	size_t len = n ? strlen(n) : 0, slen = sizeof(suffix) - 1;
	return len > slen && strcmp(n + len - slen, suffix) == 0 ? len - slen : 0;
}

static bool known_name(const char *n)
{
	return same(n, "created_at") || same(n, "last_heartbeat") || version_row_prefix(n) > 0;
}

/* The plugins' version rows: every `<name>_schema_version` but storage's and
 * permission's, each read as Kinto reads its own (PostgreSQLPluginMigration
 * uses the storage query). A plugin with tables but no row is read as 1 by
 * Kinto; which tables are a plugin's is unknown here, so it is not listed. */
static void plugins_read(const struct ksd_metadata *m, struct ksd_instance *in)
{
	for (size_t i = 0; i < m->nrows; i++) {
		const char *n = m->rows[i].name;
		size_t len = version_row_prefix(n);
		if (!len || same(n, STORAGE_ROW) || same(n, PERMISSION_ROW))
			continue;
		size_t k = 0;
		while (k < in->nplugins && !same(in->plugins[k].row, n))
			k++;
		if (k < in->nplugins)
			continue;
		if (in->nplugins == KSD_MAX_PLUGINS) {
			in->notes |= KSD_NOTE_BIT(KSD_NOTE_PLUGINS_TRUNCATED);
			continue;
		}
		in->plugins[in->nplugins++] = (struct ksd_plugin){.row = n, .name_len = len};
	}
	for (size_t k = 0; k < in->nplugins; k++) {
		struct ksd_backend_verdict bv = {0};
		read_rows(m, in->plugins[k].row, &bv);
		in->plugins[k].recorded = bv.recorded;
		in->plugins[k].recorded_value = bv.recorded_value;
	}
}

void metadata_read(const struct ksd_catalog *cat, const struct ksd_schema *s,
                   struct ksd_instance *in)
{
	const struct ksd_metadata *m = &s->metadata;
	in->meta_table = ksd_schema_table(s, "metadata") != NULL;
	/* Other tables' data says nothing of rows an archive lost. */
	in->rows_known = (m->data_seen || m->nrows > 0 || (cat->any_data_seen && in->meta_table)) &&
	                 !ksd_dump_table_data_missing(in->dump, s->name, "metadata");
	read_rows(m, STORAGE_ROW, &in->storage);
	read_rows(m, PERMISSION_ROW, &in->permission);
	plugins_read(m, in);
	/* Duplicates are checked among the first rows only: Kinto writes a few
	 * dozen, and a hostile dump must not cost a quadratic scan. */
	size_t dup_scan = m->nrows < 2000 ? m->nrows : 2000;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct ksd_meta_row *r = &m->rows[i];
		if (same(r->name, "created_at") && !in->created_at) {
			in->created_at = true;
			in->created_at_value = r->value;
		}
		if (same(r->name, "last_heartbeat"))
			in->last_heartbeat = true;
		bool version_row = same(r->name, STORAGE_ROW) || same(r->name, PERMISSION_ROW);
		if (!known_name(r->name) || !r->value || (version_row && python_int(r->value) <= 0))
			in->garbage++;
		for (size_t j = 0; i < dup_scan && j < i; j++)
			if (same(m->rows[j].name, r->name) && same(m->rows[j].value, r->value)) {
				in->duplicates++;
				break;
			}
	}
	if (in->duplicates)
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_DUPLICATES);
	if (in->garbage)
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_GARBAGE);
	if (m->truncated)
		in->notes |= KSD_NOTE_BIT(KSD_NOTE_TRUNCATED);
}

unsigned metadata_kinto_rows(const struct ksd_metadata *m)
{
	unsigned rows = 0;
	for (size_t i = 0; i < m->nrows; i++) {
		const char *n = m->rows[i].name;
		rows |= same(n, STORAGE_ROW)        ? METADATA_STORAGE_ROW
		        : same(n, PERMISSION_ROW)   ? METADATA_PERMISSION_ROW
		        : same(n, "created_at")     ? METADATA_CREATED_AT
		        : same(n, "last_heartbeat") ? METADATA_LAST_HEARTBEAT
		                                    : 0u;
	}
	return rows;
}

/* Kinto >= 12 warns and works from this version when it finds neither a
 * version row nor created_at (spec §6). */
#define GUESSED_VERSION 20

enum ksd_version_read ksd_read_storage(const struct ksd_instance *in, int *from)
{
	const struct ksd_backend_verdict *st = &in->storage;
	*from = 0;
	if (!in->meta_table)
		return KSD_READ_NO_TABLE;
	if (!in->rows_known)
		return KSD_READ_NO_DATA;
	if (st->rows == 0) {
		*from = in->created_at ? 1 : GUESSED_VERSION;
		return in->created_at ? KSD_READ_CREATED_AT : KSD_READ_GUESS;
	}
	if (st->recorded < 0)
		return KSD_READ_NOT_A_NUMBER;
	*from = st->recorded;
	return st->recorded > KSD_STORAGE_MAX ? KSD_READ_TOO_NEW : KSD_READ_RECORDED;
}

int ksd_read_permission(const struct ksd_instance *in)
{
	if (in->permission.recorded > 0)
		return in->permission.recorded;
	return ksd_schema_table(in->schema, "user_principals") ? 1 : 0;
}

size_t metadata_storage_rows(const struct ksd_metadata *m, int *out, size_t max,
                             const char **created_at)
{
	size_t n = 0;
	*created_at = NULL;
	for (size_t i = 0; i < m->nrows; i++) {
		const struct ksd_meta_row *r = &m->rows[i];
		if (same(r->name, "created_at") && !*created_at)
			*created_at = r->value;
		if (!same(r->name, STORAGE_ROW))
			continue;
		if (n < max)
			out[n] = r->value ? python_int(r->value) : -1;
		n++;
	}
	return n;
}
