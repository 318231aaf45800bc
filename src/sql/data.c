/* The data of tables other than metadata, read only as far as it is wanted:
 * rows counted when the read counts them; for objects/records the rows
 * per resource name, the tombstones and the rows under internal parents;
 * the (id, parent_id, collection_id) keys of `deleted` and `records` where
 * a twin tells versions 10..11 from 12 (spec 2.3). Only the few columns
 * needed are decoded, from the ends of each COPY line or an INSERT's values. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "sql/stmt.h"

static bool is(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* A twin is still worth looking for. */
static bool twin_shape(const struct ksd_schema *s)
{
	return ksd_schema_twin_shape(s) && !s->twin.found;
}

/* Before version 18 the tombstones are the rows of `deleted`; from 18 they
 * are records/objects rows with deleted = true, and what is left in
 * `deleted` is the copy 017->018 merged: counted once, not twice. */
static bool deleted_holds_tombstones(const struct ksd_schema *s)
{
	const struct ksd_table *r = ksd_schema_table(s, "records");
	return !ksd_schema_table(s, "objects") && !(r && ksd_table_column(r, "deleted"));
}

static bool twin_table(const char *table)
{
	return is(table, "records") || is(table, "deleted");
}

static struct ksd_schema *find(struct ksd_extract *x, const char *schema)
{
	return session_find_schema(x, schema);
}

bool ksd_extract_wants_data(struct ksd_extract *x, const char *schema, const char *table)
{
	if (!x->count_rows && !twin_table(table))
		return false; /* the common case first: no lookup */
	struct ksd_schema *s = find(x, schema);
	if (!s || !ksd_schema_table(s, table))
		return false;
	return x->count_rows || (twin_table(table) && twin_shape(s));
}

void data_dumped(struct ksd_extract *x, const char *schema, const char *table)
{
	struct ksd_schema *s = find(x, schema);
	struct ksd_table *t = s ? ksd_schema_table(s, table) : NULL;
	if (t && x->count_rows)
		t->data_dumped = true;
}

/* Starts the twin keys of schema `s` with this table's, or probes them with
 * its rows: false when neither (keys of another table are being kept). */
static bool twin_begin(struct ksd_extract *x, const char *schema, const char *table)
{
	struct twin_keys *k = &x->twins;
	if (k->table[0] && is(k->schema, schema))
		return true; /* this table keeps (same) or probes (other) */
	strcpy(k->schema, schema);
	strcpy(k->table, table);
	k->used = k->n = 0;
	if (k->slots)
		memset(k->slots, 0, 2 * KSD_MAX_TWIN_KEYS * sizeof(*k->slots));
	return true;
}

enum ksd_copy_use data_begin(struct ksd_extract *x, const char *schema, const char *table,
                             const name_t *cols, size_t nkept, size_t ncols)
{
	struct data_block *d = &x->data;
	memset(d, 0, sizeof(*d));
	struct ksd_schema *s = find(x, schema);
	const struct ksd_table *t = s ? ksd_schema_table(s, table) : NULL;
	if (!t)
		return KSD_COPY_SKIP;
	strcpy(d->schema, session_schema_name(x, schema));
	strcpy(d->table, table);
	for (int k = 0; k < DATA_NCOLS; k++)
		d->col[k] = -1;
	d->ncols = ncols ? ncols : t->ncolumns;
	for (size_t i = 0; i < (ncols ? nkept : t->ncolumns); i++) {
		int k = ksd_row_column(ncols ? cols[i] : t->columns[i].name);
		if (k >= 0 && d->col[k] < 0)
			d->col[k] = (int)i;
	}
	bool count = x->count_rows;
	bool keyed = d->col[DATA_ID] >= 0 && d->col[DATA_PARENT] >= 0 && d->col[DATA_RESOURCE] >= 0;
	d->tombstones = count && is(table, "deleted") && deleted_holds_tombstones(s);
	d->inventory =
	    count && d->col[DATA_RESOURCE] >= 0 && (is(table, "objects") || is(table, "records"));
	if (twin_table(table) && ksd_schema_twin_shape(s))
		s->twin.searched |= is(table, "records") ? KSD_TWIN_RECORDS : KSD_TWIN_DELETED;
	d->twin = keyed && twin_table(table) && twin_shape(s) && twin_begin(x, d->schema, table);
	d->use = d->inventory || d->twin ? KSD_COPY_ENDS : count ? KSD_COPY_COUNT : KSD_COPY_SKIP;
	if (count)
		data_dumped(x, schema, table);
	/* Only the columns this block's uses read; the id only for twins. */
	d->want_max = -1;
	for (int k = 0; k < DATA_NCOLS; k++) {
		d->want[k] =
		    (size_t)d->col[k] < d->ncols && (k != DATA_ID || d->twin) ? d->col[k] : -1;
		if (d->want[k] > d->want_max)
			d->want_max = d->want[k];
	}
	d->nwant = 0;
	for (int c = 0; c <= d->want_max; c++)
		for (int k = 0; k < DATA_NCOLS; k++)
			if (d->want[k] == c)
				d->order[d->nwant++] = k;
	/* Rows never add a schema, so the block's stays where it is. */
	d->s = find(x, schema);
	return d->use;
}

static uint32_t hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The key's slot: where it is, or the free one where it would go. */
static uint32_t *slot_of(struct twin_keys *k, const char *key, size_t len)
{
	size_t mask = 2 * KSD_MAX_TWIN_KEYS - 1;
	for (size_t i = hash(key, len) & mask;; i = (i + 1) & mask) {
		uint32_t *sl = &k->slots[i];
		if (!*sl)
			return sl;
		const char *at = k->pool + *sl - 1;
		size_t n = (unsigned char)at[0] | (size_t)(unsigned char)at[1] << 8;
		if (n == len && memcmp(at + 2, key, len) == 0)
			return sl;
	}
}

/* Keeps or probes one row's key; a hit is recorded in the catalog. */
static int twin_row(struct ksd_extract *x, struct ksd_schema *s, const char *const v[3],
                    const size_t len[3])
{
	struct twin_keys *k = &x->twins;
	char key[KSD_MAX_TWIN_KEY];
	size_t n = 0;
	for (int i = 0; i < 3; i++) {
		if (!v[i] || n + 2 + len[i] > sizeof(key))
			return KSD_OK; /* unknown or too long: proves nothing */
		key[n++] = (char)(len[i] & 0xff);
		key[n++] = (char)(len[i] >> 8);
		memcpy(key + n, v[i], len[i]);
		n += len[i];
	}
	bool keep = is(k->table, x->data.table);
	if (!k->slots) {
		if (!keep)
			return KSD_OK; /* the first table kept nothing */
		k->slots = calloc(2 * KSD_MAX_TWIN_KEYS, sizeof(*k->slots));
		k->pool = malloc((size_t)KSD_MAX_TWIN_KEYS * (KSD_MAX_TWIN_KEY + 2));
		if (!k->slots || !k->pool)
			return KSD_FATAL;
	}
	uint32_t *sl = slot_of(k, key, n);
	if (!keep) {
		if (*sl && ksd_catalog_set_twin(x->cat, s, v, len) != 0)
			return KSD_FATAL;
		return KSD_OK;
	}
	if (*sl || k->n == KSD_MAX_TWIN_KEYS)
		return KSD_OK;
	k->pool[k->used] = (char)(n & 0xff);
	k->pool[k->used + 1] = (char)(n >> 8);
	memcpy(k->pool + k->used + 2, key, n);
	*sl = (uint32_t)k->used + 1;
	k->used += n + 2;
	k->n++;
	return KSD_OK;
}

/* Kinto's internal parents are written `__name__`. */
static bool internal_parent(const char *p, size_t len)
{
	return len > 4 && p[0] == '_' && p[1] == '_' && p[len - 2] == '_' && p[len - 1] == '_';
}

/* The rows of the current run of one resource name, to the catalog. */
static int flush_run(struct ksd_extract *x)
{
	struct data_block *d = &x->data;
	if (d->run_rows == 0)
		return KSD_OK;
	uint64_t n = d->run_rows;
	d->run_rows = 0;
	return ksd_catalog_count_resource(x->cat, d->s, d->run_known ? d->run_name : NULL,
	                                  d->run_len, n) != 0
	           ? KSD_FATAL
	           : KSD_OK;
}

/* One row of resource `res`: most rows are of the name the row before had,
 * so they are only counted here (the catalog keeps names in the order they
 * first come, which runs do not change). */
static int count_resource(struct ksd_extract *x, const struct data_field *res)
{
	struct data_block *d = &x->data;
	if (d->run_rows > 0 && res->known == d->run_known &&
	    (!res->known ||
	     (res->len == d->run_len && memcmp(res->s, d->run_name, res->len) == 0))) {
		d->run_rows++;
		return KSD_OK;
	}
	if (flush_run(x) != KSD_OK)
		return KSD_FATAL;
	if (res->known && res->len > sizeof(d->run_name))
		return ksd_catalog_count_resource(x->cat, d->s, res->s, res->len, 1) != 0
		           ? KSD_FATAL
		           : KSD_OK;
	d->run_known = res->known;
	d->run_len = res->known ? res->len : 0;
	if (res->known)
		memcpy(d->run_name, res->s, res->len);
	d->run_rows = 1;
	return KSD_OK;
}

int data_row(struct ksd_extract *x, const struct data_field f[DATA_NCOLS])
{
	struct data_block *d = &x->data;
	struct ksd_schema *s = d->s;
	if (!s)
		return KSD_OK;
	const struct data_field *res = &f[DATA_RESOURCE], *par = &f[DATA_PARENT];
	if (d->inventory) {
		if (count_resource(x, res) != KSD_OK)
			return KSD_FATAL;
		const struct data_field *del = &f[DATA_DELETED];
		if (del->known && ((del->len == 1 && del->s[0] == 't') ||
		                   (del->len == 4 && memcmp(del->s, "true", 4) == 0)))
			s->inventory.tombstones++;
		if (par->known && res->known && internal_parent(par->s, par->len) &&
		    ksd_catalog_count_internal(x->cat, s, par->s, par->len, res->s, res->len) != 0)
			return KSD_FATAL;
	}
	if (d->twin) {
		const char *v[3];
		size_t len[3];
		int which[3] = {DATA_ID, DATA_PARENT, DATA_RESOURCE};
		for (int i = 0; i < 3; i++) {
			v[i] = f[which[i]].known ? f[which[i]].s : NULL;
			len[i] = f[which[i]].len;
		}
		return twin_row(x, s, v, len);
	}
	return KSD_OK;
}

void data_end(struct ksd_extract *x, uint64_t rows)
{
	struct data_block *d = &x->data;
	if (d->use != KSD_COPY_SKIP && d->s && flush_run(x) != KSD_OK)
		x->dump->partial = true; /* out of memory: some rows are not counted */
	struct ksd_schema *s = d->use != KSD_COPY_SKIP ? find(x, d->schema) : NULL;
	struct ksd_table *t = s ? ksd_schema_table(s, d->table) : NULL;
	if (t && x->count_rows) {
		t->data_dumped = true;
		t->rows += rows;
	}
	if (s && d->tombstones)
		s->inventory.tombstones += rows;
	d->use = KSD_COPY_SKIP;
}

/* The fields of a line given by its ends, in one pass each way: field k
 * is known when it lies whole in the head (ending at a tab there, or the
 * whole line is there) or in the tail (starting after a tab there). */
struct span {
	const char *s;
	size_t len;
	bool known;
};

static void end_fields(const struct data_block *d, const char *head, size_t head_len,
                       const char *tail, size_t tail_len, bool whole, struct span f[DATA_NCOLS])
{
	const int *want = d->want;
	int max = d->want_max, last = max;
	const char *p = head, *end = head + head_len;
	/* A whole line's last column (`deleted` in Kinto's tables) is what
	 * follows its last tab: read from the end rather than past the long
	 * data column. pg_dump writes every column of every line, so this is
	 * the same field; a line with a tab too many or too few (no restore
	 * would take it) gets its last field. */
	if (whole && max > 0 && (size_t)max + 1 == d->ncols) {
		const char *t = end;
		while (t > head && t[-1] != '\t')
			t--;
		if (t > head)
			f[d->order[d->nwant - 1]] = (struct span){t, (size_t)(end - t), true};
		last = d->nwant > 1 ? want[d->order[d->nwant - 2]] : -1;
	}
	/* Forward through the head, up to the last wanted column. */
	int col = 0, next = 0; /* d->order[next]: the next column read */
	for (; col <= last; col++) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		if (!tab && !whole)
			break;
		if (want[d->order[next]] == col) {
			const char *stop = tab ? tab : end;
			f[d->order[next++]] = (struct span){p, (size_t)(stop - p), true};
		}
		if (!tab)
			break;
		p = tab + 1;
	}
	if (whole || col > max)
		return;
	/* Backward through the tail, down to the first column still wanted:
	 * not into the long data column before the last one when only the
	 * last is (a scan of the whole tail at every row). */
	int need = max;
	for (int k = 0; k < DATA_NCOLS; k++)
		if (want[k] >= col && want[k] < need)
			need = want[k];
	const char *stop = tail + tail_len;
	for (size_t c = d->ncols; c-- > (size_t)need;) {
		const char *t = stop;
		while (t > tail && t[-1] != '\t')
			t--;
		if (t == tail)
			return; /* the field begins before the tail */
		for (int k = 0; k < DATA_NCOLS; k++)
			if (want[k] == (int)c)
				f[k] = (struct span){t, (size_t)(stop - t), true};
		stop = t - 1;
	}
}

/* A COPY text field as its value: itself when it has no escape, else
 * decoded into out (at most cap bytes, unknown past that); \N is SQL NULL,
 * unknown too. */
static bool decode(const struct span *f, char *out, size_t cap, struct data_field *v)
{
	const char *s = f->s;
	size_t len = f->len;
	if (!f->known || (len == 2 && s[0] == '\\' && s[1] == 'N'))
		return false;
	if (!memchr(s, '\\', len)) {
		*v = (struct data_field){s, len, true};
		return true;
	}
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (o == cap)
			return false;
		if (s[i] != '\\' || i + 1 == len) {
			out[o++] = s[i];
			continue;
		}
		i++;
		char tmp[8];
		size_t w = parse_backslash(s, len, &i, true, tmp);
		if (o + w > cap)
			return false;
		memcpy(out + o, tmp, w);
		o += w;
	}
	*v = (struct data_field){out, o, true};
	return true;
}

/* A line's fields, decoded, into data_row(). */
static int spans_row(struct ksd_extract *x, const struct span f[DATA_NCOLS], struct ksd_err *err)
{
	char buf[DATA_NCOLS][KSD_MAX_TWIN_KEY];
	struct data_field v[DATA_NCOLS];
	for (int k = 0; k < DATA_NCOLS; k++) {
		v[k] = (struct data_field){NULL, 0, false};
		decode(&f[k], buf[k], sizeof(buf[k]), &v[k]);
	}
	if (data_row(x, v) != KSD_OK)
		return ksd_err_at_line(err, 0, "out of memory");
	return KSD_OK;
}

int ksd_extract_copy_ends(struct ksd_extract *x, const char *head, const char *tail,
                          size_t tail_len, size_t len, struct ksd_err *err)
{
	struct data_block *d = &x->data;
	if (d->use != KSD_COPY_ENDS)
		return KSD_OK;
	size_t head_len = len < KSD_COPY_HEAD ? len : KSD_COPY_HEAD;
	bool whole = head_len == len;
	if (whole && head_len > 0 && head[head_len - 1] == '\r')
		head_len--;
	if (tail_len > 0 && tail[tail_len - 1] == '\r')
		tail_len--;
	/* Set one by one: an initialiser of the array costs a rep stos, which
	 * was a tenth of this function's time at one call per row. */
	struct span f[DATA_NCOLS];
	for (int k = 0; k < DATA_NCOLS; k++)
		f[k] = (struct span){NULL, 0, false};
	end_fields(d, head, head_len, tail, tail_len, whole, f);
	return spans_row(x, f, err);
}

bool ksd_extract_copy_is_end(const char *line, size_t len)
{
	if (len > 0 && line[len - 1] == '\r')
		len--;
	return len == 2 && line[0] == '\\' && line[1] == '.';
}

int ksd_extract_copy_rows(struct ksd_extract *x, const char *data, size_t len, size_t *used,
                          uint64_t *rows, struct ksd_err *err)
{
	const char *p = data, *end = data + len, *nl;
	int rc = KSD_OK;
	*rows = 0;
	while (x->data.use == KSD_COPY_ENDS && rc == KSD_OK &&
	       (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		size_t n = (size_t)(nl - p), tail = n < KSD_COPY_TAIL ? n : KSD_COPY_TAIL;
		if (p[0] == '\\' && ksd_extract_copy_is_end(p, n))
			break;
		rc = ksd_extract_copy_ends(x, p, nl - tail, tail, n, err);
		(*rows)++;
		p = nl + 1;
	}
	*used = (size_t)(p - data);
	return rc;
}
