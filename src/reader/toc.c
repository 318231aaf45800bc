/* Archive header and TOC decoding (see toc.h). Every field is gated on the
 * archive minor version exactly as pg_dump wrote it; every size read from
 * the file is checked before anything is allocated for it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "reader/toc.h"

/* Archive minor versions, named for what they changed. */
enum {
	V_SIGN_BYTE = 1, /* ints gain a sign byte; the header a vrev byte */
	V_COMPRESS_BYTE = 2,
	V_COPY_STMT = 3,    /* also: data blocks gain a type byte */
	V_COMPRESS_INT = 4, /* also: creation date and dbname in the header */
	V_DEPS = 5,
	V_NAMESPACE = 6,
	V_OFFSETS = 7, /* offSize in the header; custom offsets are flag + bytes */
	V_TABLEOID = 8,
	V_WITH_OIDS = 9,
	V_TABLESPACE = 10, /* also: server and pg_dump version strings */
	V_SECTION = 11,
	V_QUALIFIED = 13, /* SQL is schema-qualified from here on */
	V_TABLEAM = 14,
	V_COMPRESS_ALG = 15,
	V_RELKIND = 16,
};

/* Longest data file name kept (tar member, directory file). */
#define FILE_NAME_MAX 4096

static long long here(const struct toc *t)
{
	return (long long)ksd_source_tell(t->src);
}

int toc_fail(struct toc *t, long long at, const char *fmt, ...)
{
	char msg[KSD_ERR_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!t->err->set)
		t->err->member = t->member;
	return ksd_err_at_offset(t->err, at, "%s", msg);
}

static int read_byte(struct toc *t, int *b)
{
	unsigned char c;
	if (ksd_source_read_exact(t->src, &c, 1, t->err) != KSD_OK) {
		t->err->member = t->member;
		return KSD_FATAL;
	}
	*b = c;
	return KSD_OK;
}

/* Bytes left in the input, or -1 when unknown (pipes, decompressed files). */
static long long remaining(const struct toc *t)
{
	long long size = ksd_source_size(t->src);
	return size < 0 ? -1 : size - here(t);
}

int toc_read_int(struct toc *t, int64_t *v)
{
	long long at = here(t);
	unsigned char b[9];
	size_t n = (size_t)t->int_size + (t->vmin >= V_SIGN_BYTE);
	if (ksd_source_read_exact(t->src, b, n, t->err) != KSD_OK) {
		t->err->member = t->member;
		return KSD_FATAL;
	}
	const unsigned char *mag = t->vmin >= V_SIGN_BYTE ? b + 1 : b;
	uint64_t m = 0;
	for (int i = t->int_size - 1; i >= 0; i--)
		m = m << 8 | mag[i];
	if (t->vmin < V_SIGN_BYTE) {
		/* Archive 1.0 had no sign byte: pg_restore summed the bytes into a
		 * C int, so a negative number (a NULL string's -1) is two's
		 * complement of int_size bytes. */
		int shift = 64 - 8 * t->int_size;
		*v = shift ? (int64_t)(m << shift) >> shift : (int64_t)m;
		return KSD_OK;
	}
	if (m > (uint64_t)INT64_MAX)
		return toc_fail(t, at, "integer out of range");
	/* Sign-magnitude: any non-zero sign byte means negative; -0 is 0. */
	*v = b[0] ? -(int64_t)m : (int64_t)m;
	return KSD_OK;
}

/* An int that must fit a C int, as pg_dump's own fields do. */
static int read_int32(struct toc *t, int *v, const char *what)
{
	long long at = here(t);
	int64_t w;
	if (toc_read_int(t, &w) != KSD_OK)
		return KSD_FATAL;
	if (w < -(int64_t)INT32_MAX - 1 || w > INT32_MAX)
		return toc_fail(t, at, "%s %" PRId64 " out of range", what, w);
	*v = (int)w;
	return KSD_OK;
}

/* The length of a string, checked against `max` and the bytes left. */
static int str_len(struct toc *t, int64_t *len, size_t max, const char *what)
{
	long long at = here(t);
	if (toc_read_int(t, len) != KSD_OK)
		return KSD_FATAL;
	if (*len < 0)
		return KSD_OK;
	if ((uint64_t)*len > max)
		return toc_fail(t, at, "%s of %" PRId64 " bytes (limit %zu)", what, *len, max);
	long long left = remaining(t);
	if (left >= 0 && *len > left)
		return toc_fail(t, at, "%s of %" PRId64 " bytes runs past the end (%lld left)",
		                what, *len, left);
	return KSD_OK;
}

int toc_read_str(struct toc *t, char **s, size_t max, const char *what)
{
	int64_t len;
	*s = NULL;
	if (str_len(t, &len, max, what) != KSD_OK)
		return KSD_FATAL;
	if (len < 0)
		return KSD_OK;
	char *p = malloc((size_t)len + 1);
	if (!p)
		return toc_fail(t, here(t), "out of memory");
	if (ksd_source_read_exact(t->src, p, (size_t)len, t->err) != KSD_OK) {
		t->err->member = t->member;
		free(p);
		return KSD_FATAL;
	}
	p[len] = '\0';
	*s = p;
	return KSD_OK;
}

int toc_skip_str(struct toc *t, bool *was_null)
{
	int64_t len;
	if (str_len(t, &len, KSD_MAX_TOC_STR, "string") != KSD_OK)
		return KSD_FATAL;
	if (was_null)
		*was_null = len < 0;
	if (len <= 0)
		return KSD_OK;
	if (ksd_source_skip(t->src, (uint64_t)len, t->err) != KSD_OK) {
		t->err->member = t->member;
		return KSD_FATAL;
	}
	return KSD_OK;
}

int toc_read_offset(struct toc *t, int *flag, uint64_t *pos)
{
	long long at = here(t);
	*pos = 0;
	if (t->vmin < V_OFFSETS) {
		/* An int: negative = not recorded, 0 = no data. */
		int64_t v;
		if (toc_read_int(t, &v) != KSD_OK)
			return KSD_FATAL;
		*flag = v < 0 ? TOC_POS_NOT_SET : v == 0 ? TOC_NO_DATA : TOC_POS_SET;
		*pos = v > 0 ? (uint64_t)v : 0;
		return KSD_OK;
	}
	if (read_byte(t, flag) != KSD_OK)
		return KSD_FATAL;
	if (*flag != TOC_POS_NOT_SET && *flag != TOC_POS_SET && *flag != TOC_NO_DATA)
		return toc_fail(t, at, "data offset flag %d (1, 2 or 3 expected)", *flag);
	for (int i = 0; i < t->off_size; i++) {
		int b;
		if (read_byte(t, &b) != KSD_OK)
			return KSD_FATAL;
		if (i < 8)
			*pos |= (uint64_t)b << (8 * i);
		else if (b != 0)
			return toc_fail(t, at, "data offset wider than 64 bits");
	}
	if (*pos > (uint64_t)INT64_MAX)
		return toc_fail(t, at, "data offset %" PRIu64 " out of range", *pos);
	return KSD_OK;
}

/* The compression field: absent, a byte level, an int level, then a byte
 * naming the algorithm. Any non-zero level means zlib. */
static int read_compression(struct toc *t, struct ksd_archive *a)
{
	long long at = here(t);
	int v;
	a->level = -1;
	t->alg = KSD_COMP_ZLIB;
	if (t->vmin >= V_COMPRESS_ALG) {
		if (read_byte(t, &v) != KSD_OK)
			return KSD_FATAL;
		static const enum ksd_compression algs[] = {KSD_COMP_NONE, KSD_COMP_ZLIB,
		                                            KSD_COMP_LZ4, KSD_COMP_ZSTD};
		if (v > 3)
			return toc_fail(t, at, "unknown compression algorithm %d", v);
		t->alg = algs[v];
		a->level = 0;
	} else if (t->vmin >= V_COMPRESS_INT) {
		if (read_int32(t, &v, "compression level") != KSD_OK)
			return KSD_FATAL;
		a->level = v;
		t->alg = v == 0 ? KSD_COMP_NONE : KSD_COMP_ZLIB;
	} else if (t->vmin >= V_COMPRESS_BYTE) {
		if (read_byte(t, &v) != KSD_OK)
			return KSD_FATAL;
		a->level = v;
		t->alg = v == 0 ? KSD_COMP_NONE : KSD_COMP_ZLIB;
	}
	a->compression = codec_fact(t->alg);
	return KSD_OK;
}

/* Seven ints of a struct tm, the dump host's local time. Not validated by
 * pg_restore either; implausible values leave the date blank. */
static int read_date(struct toc *t)
{
	int64_t f[7];
	for (int i = 0; i < 7; i++)
		if (toc_read_int(t, &f[i]) != KSD_OK)
			return KSD_FATAL;
	char created[40];
	if (!(f[0] >= 0 && f[0] <= 61 && f[1] >= 0 && f[1] <= 59 && f[2] >= 0 && f[2] <= 23 &&
	      f[3] >= 1 && f[3] <= 31 && f[4] >= 0 && f[4] <= 11 && f[5] >= -1900 && f[5] <= 9000))
		return KSD_OK;
	snprintf(created, sizeof(created), "%04d-%02d-%02d %02d:%02d:%02d", (int)f[5] + 1900,
	         (int)f[4] + 1, (int)f[3], (int)f[2], (int)f[1], (int)f[0]);
	t->dump->prov.created = ksd_dump_strdup(t->dump, created);
	return t->dump->prov.created ? KSD_OK : toc_fail(t, here(t), "out of memory");
}

/* A header string kept in the dump. */
static int head_str(struct toc *t, const char **out, const char *what)
{
	char *s;
	if (toc_read_str(t, &s, KSD_MAX_TOC_STR, what) != KSD_OK)
		return KSD_FATAL;
	*out = ksd_dump_strdup(t->dump, s);
	bool oom = s && !*out;
	free(s);
	return oom ? toc_fail(t, here(t), "out of memory") : KSD_OK;
}

int toc_read_head(struct toc *t, int want_format)
{
	struct ksd_archive *a = &t->dump->archive;
	unsigned char magic[5];
	if (ksd_source_read_exact(t->src, magic, 5, t->err) != KSD_OK) {
		t->err->member = t->member;
		return KSD_FATAL;
	}
	if (memcmp(magic, "PGDMP", 5) != 0)
		return toc_fail(t, 0, "not a pg_dump archive (no PGDMP magic)");
	if (read_byte(t, &a->vmaj) != KSD_OK || read_byte(t, &a->vmin) != KSD_OK)
		return KSD_FATAL;
	if (a->vmaj != 1 || a->vmin > TOC_VMIN_MAX)
		return toc_fail(t, 5,
		                "archive version %d.%d is not supported (known: 1.0 to 1.%d); it "
		                "was written by a newer pg_dump",
		                a->vmaj, a->vmin, TOC_VMIN_MAX);
	t->vmin = a->vmin;
	if (a->vmin > 0 && read_byte(t, &a->vrev) != KSD_OK)
		return KSD_FATAL;
	long long at = here(t);
	if (read_byte(t, &a->int_size) != KSD_OK)
		return KSD_FATAL;
	if (a->int_size != 4 && a->int_size != 8)
		return toc_fail(t, at, "integer size %d (4 or 8 expected)", a->int_size);
	t->int_size = a->int_size;
	a->off_size = a->int_size;
	at = here(t);
	if (a->vmin >= V_OFFSETS && read_byte(t, &a->off_size) != KSD_OK)
		return KSD_FATAL;
	if (a->off_size != 4 && a->off_size < 8)
		return toc_fail(t, at, "offset size %d (4 or 8 expected)", a->off_size);
	t->off_size = a->off_size;
	at = here(t);
	if (read_byte(t, &a->format) != KSD_OK)
		return KSD_FATAL;
	if (a->format != want_format)
		return toc_fail(t, at, "archive format byte %d, expected %d (%s)", a->format,
		                want_format,
		                want_format == TOC_FMT_CUSTOM ? "custom" : "tar/directory");
	if (read_compression(t, a) != KSD_OK)
		return KSD_FATAL;
	struct ksd_provenance *prov = &t->dump->prov;
	if (a->vmin >= V_COMPRESS_INT &&
	    (read_date(t) != KSD_OK || head_str(t, &prov->database, "database name") != KSD_OK))
		return KSD_FATAL;
	if (a->vmin >= V_TABLESPACE &&
	    (head_str(t, &prov->server_version, "server version") != KSD_OK ||
	     head_str(t, &prov->pg_dump_version, "pg_dump version") != KSD_OK))
		return KSD_FATAL;
	at = here(t);
	int64_t count;
	if (toc_read_int(t, &count) != KSD_OK)
		return KSD_FATAL;
	/* An entry takes at least a dozen ints: bound the count by the bytes left. */
	long long left = remaining(t);
	if (count < 0 || count > KSD_MAX_TOC_ENTRIES ||
	    (left >= 0 && count > left / (long long)(t->int_size + 1)))
		return toc_fail(t, at,
		                "%" PRId64 " TOC entries (limit %d, or more than the file holds)",
		                count, KSD_MAX_TOC_ENTRIES);
	t->count = a->ntoc = count;
	return KSD_OK;
}

static bool eq(const char *a, const char *b)
{
	return a && strcmp(a, b) == 0;
}

static bool starts(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

bool toc_selected(const char *desc, const char *tag, const char *defn, bool had_dumper)
{
	/* Session settings, applied by pg_restore rather than restored. */
	if (eq(desc, "ENCODING") || eq(desc, "STDSTRINGS") || eq(desc, "SEARCHPATH"))
		return false;
	/* The database itself and its properties only with --create. */
	if (eq(desc, "DATABASE") || eq(desc, "DATABASE PROPERTIES"))
		return false;
	if ((eq(desc, "ACL") || eq(desc, "COMMENT") || eq(desc, "SECURITY LABEL")) &&
	    starts(tag, "DATABASE "))
		return false;
	if (eq(desc, "<Init>") && eq(tag, "Max OID"))
		return false;
	if (had_dumper)
		return true;
	/* Data entries without a data dumper of their own. */
	bool lo = starts(tag, "LARGE OBJECT ") &&
	          (eq(desc, "ACL") || eq(desc, "COMMENT") || eq(desc, "SECURITY LABEL"));
	if (eq(desc, "SEQUENCE SET") || eq(desc, "BLOB") || eq(desc, "BLOB METADATA") || lo ||
	    eq(desc, "STATISTICS DATA"))
		return true;
	return defn && defn[0];
}

/* pg_restore reads OIDs with sscanf("%u"): leading digits, the rest ignored. */
static unsigned parse_oid(const char *s)
{
	uint64_t v = 0;
	if (!s)
		return 0;
	while (*s == ' ')
		s++;
	for (; *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > UINT32_MAX)
			return 0;
	}
	return (unsigned)v;
}

struct fields {
	char *tableoid, *oid, *tag, *desc, *defn, *copy_stmt, *ns, *owner, *file;
};

static void fields_free(struct fields *f)
{
	free(f->tableoid), free(f->oid), free(f->tag), free(f->desc), free(f->defn);
	free(f->copy_stmt), free(f->ns), free(f->owner), free(f->file);
	memset(f, 0, sizeof(*f));
}

/* Names, owners and descriptions are short; a statement can be long. */
#define NAME_STR_MAX (64u << 10)

static int read_fields(struct toc *t, struct toc_entry *e, struct fields *f)
{
	long long at = here(t);
	int v;
	if (read_int32(t, &e->dump_id, "dump id") != KSD_OK)
		return KSD_FATAL;
	if (e->dump_id <= 0)
		return toc_fail(t, at, "TOC entry with dump id %d", e->dump_id);
	if (read_int32(t, &v, "hadDumper") != KSD_OK)
		return KSD_FATAL;
	e->had_dumper = v != 0;
	if (t->vmin >= V_TABLEOID && toc_read_str(t, &f->tableoid, NAME_STR_MAX, "tableoid"))
		return KSD_FATAL;
	if (toc_read_str(t, &f->oid, NAME_STR_MAX, "oid") ||
	    toc_read_str(t, &f->tag, KSD_MAX_TOC_STR, "tag") ||
	    toc_read_str(t, &f->desc, NAME_STR_MAX, "desc"))
		return KSD_FATAL;
	int section = 0;
	if (t->vmin >= V_SECTION && read_int32(t, &section, "section"))
		return KSD_FATAL;
	if (toc_read_str(t, &f->defn, KSD_MAX_TOC_STR, "definition") || toc_skip_str(t, NULL))
		return KSD_FATAL;
	if (t->vmin >= V_COPY_STMT && toc_read_str(t, &f->copy_stmt, KSD_MAX_TOC_STR, "COPY"))
		return KSD_FATAL;
	if (t->vmin >= V_NAMESPACE && toc_read_str(t, &f->ns, NAME_STR_MAX, "namespace"))
		return KSD_FATAL;
	if (t->vmin >= V_TABLESPACE && toc_skip_str(t, NULL))
		return KSD_FATAL;
	if (t->vmin >= V_TABLEAM && toc_skip_str(t, NULL))
		return KSD_FATAL;
	if (t->vmin >= V_RELKIND && read_int32(t, &v, "relkind"))
		return KSD_FATAL;
	if (toc_read_str(t, &f->owner, NAME_STR_MAX, "owner"))
		return KSD_FATAL;
	if (t->vmin >= V_WITH_OIDS && toc_skip_str(t, NULL))
		return KSD_FATAL;
	if (t->vmin >= V_DEPS) {
		/* Dependency ids until a NULL string; EOF bounds the loop. */
		bool null = false;
		while (!null)
			if (toc_skip_str(t, &null))
				return KSD_FATAL;
	}
	/* The format's extra field. */
	if (t->custom) {
		if (toc_read_offset(t, &e->pos_flag, &e->pos))
			return KSD_FATAL;
		int64_t len;
		if (t->vmin < V_OFFSETS && toc_read_int(t, &len)) /* obsolete data length */
			return KSD_FATAL;
		e->has_data = e->pos_flag != TOC_NO_DATA;
	} else {
		at = here(t);
		if (toc_read_str(t, &f->file, FILE_NAME_MAX, "file name"))
			return KSD_FATAL;
		e->has_data = f->file && f->file[0];
	}
	struct ksd_toc_entry ce = {
	    .dump_id = e->dump_id,
	    .desc = f->desc,
	    .schema = f->ns,
	    .tag = f->tag,
	    .owner = f->owner,
	    .data_offset = e->pos_flag == TOC_POS_SET ? (long long)e->pos : -1,
	    .section = section,
	    .catalog_oid = parse_oid(f->tableoid),
	    .oid = parse_oid(f->oid),
	    .selected = toc_selected(f->desc, f->tag, f->defn, e->had_dumper),
	    .has_data = e->has_data,
	    .file = e->has_data && !t->custom ? f->file : NULL,
	};
	if (!t->quiet && ksd_dump_add_toc(t->dump, &ce) != 0)
		return toc_fail(t, at, "out of memory or too many TOC entries");
	e->tag = f->tag, e->desc = f->desc, e->defn = f->defn, e->copy_stmt = f->copy_stmt;
	e->ns = f->ns, e->owner = f->owner, e->file = f->file ? f->file : "";
	return KSD_OK;
}

void toc_set_namespace(struct toc *t, const char *ns)
{
	/* Before 1.13 the SQL is unqualified and the printer set search_path
	 * from the entry's namespace. */
	if (t->vmin < V_QUALIFIED)
		ksd_extract_set_namespace(t->x, ns && ns[0] ? ns : NULL);
}

/* Feeds an entry's SQL to the extractor as pg_restore would run it. */
static int feed_sql(struct toc *t, const struct toc_entry *e)
{
	if (!e->defn || !e->defn[0])
		return KSD_OK;
	bool setting = eq(e->desc, "STDSTRINGS") || eq(e->desc, "SEARCHPATH");
	if (!setting && (!toc_selected(e->desc, e->tag, e->defn, e->had_dumper) ||
	                 eq(e->desc, "BLOB METADATA") /* an OID list, not SQL */))
		return KSD_OK;
	toc_set_namespace(t, e->ns);
	if (ksd_extract_stmt(t->x, e->defn, strlen(e->defn), 0, t->err) != KSD_OK) {
		t->err->member = t->member;
		return KSD_FATAL;
	}
	return KSD_OK;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int add_want(struct toc *t, const struct toc_entry *e, struct toc_want *wants,
                    size_t *nwants)
{
	if (*nwants >= TOC_MAX_WANTS) {
		t->dump->partial = true;
		return KSD_OK;
	}
	struct toc_want *w = &wants[*nwants];
	memset(w, 0, sizeof(*w));
	w->dump_id = e->dump_id;
	w->pos_flag = e->pos_flag;
	w->pos = e->pos;
	w->file = dup_or_null(e->file);
	w->copy_stmt = e->copy_stmt && e->copy_stmt[0] ? strdup(e->copy_stmt) : NULL;
	w->ns = dup_or_null(e->ns);
	w->tag = dup_or_null(e->tag);
	(*nwants)++;
	if ((e->file && !w->file) || (e->copy_stmt && e->copy_stmt[0] && !w->copy_stmt) ||
	    (e->ns && !w->ns) || (e->tag && !w->tag))
		return toc_fail(t, here(t), "out of memory");
	return KSD_OK;
}

int toc_read_entries(struct toc *t, toc_entry_fn *fn, void *ctx, struct toc_want *wants,
                     size_t *nwants)
{
	if (nwants)
		*nwants = 0;
	for (long long i = 0; i < t->count; i++) {
		struct toc_entry e = {0};
		struct fields f = {0};
		int rc = read_fields(t, &e, &f);
		if (rc == KSD_OK && !t->quiet)
			rc = feed_sql(t, &e);
		if (rc == KSD_OK && !t->quiet && e.has_data && eq(e.desc, "TABLE DATA")) {
			t->data_seen = true;
			ksd_extract_note_data(t->x);
			e.wanted = eq(e.tag, "metadata") ||
			           (e.tag && ksd_extract_wants_data(t->x, e.ns, e.tag));
			if (e.wanted)
				rc = add_want(t, &e, wants, nwants);
		}
		if (rc == KSD_OK && fn)
			rc = fn(ctx, &e);
		fields_free(&f);
		if (rc != KSD_OK) {
			/* What came before is a usable partial catalog. */
			return i > 0 ? KSD_WARN : KSD_FATAL;
		}
	}
	return KSD_OK;
}

void toc_wants_free(struct toc_want *wants, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(wants[i].file);
		free(wants[i].copy_stmt);
		free(wants[i].ns);
		free(wants[i].tag);
	}
}

bool toc_valid_file(const char *name)
{
	size_t digits = strspn(name, "0123456789");
	return digits > 0 && strcmp(name + digits, ".dat") == 0;
}

bool toc_table_data_file(const struct toc_entry *e)
{
	return e->has_data && eq(e->desc, "TABLE DATA") && toc_valid_file(e->file);
}

bool toc_want_missing(const struct toc *t, const struct toc_want *w)
{
	return w->tag && ksd_dump_table_data_missing(t->dump, w->ns, w->tag);
}

int toc_complete(const struct ksd_dump *dump, struct ksd_err *err, int rc)
{
	const struct ksd_archive *a = &dump->archive;
	if (rc != KSD_OK || !a->nmissing)
		return rc;
	char names[160] = "";
	size_t len = 0, named = 0;
	for (size_t i = 0; i < dump->ntoc && named < 3 && len < sizeof(names); i++) {
		const struct ksd_toc_entry *e = &dump->toc[i];
		if (!e->data_missing)
			continue;
		int n = snprintf(names + len, sizeof(names) - len, "%s%s%s%s%s%s%s",
		                 named ? ", " : "", e->file ? e->file : "", e->file ? " (" : "",
		                 e->schema ? e->schema : "", e->schema ? "." : "",
		                 e->tag ? e->tag : "", e->file ? ")" : "");
		len += n > 0 ? (size_t)n : 0;
		named++;
	}
	bool cut = a->missing == KSD_MISSING_CUT;
	ksd_err_at_offset(
	    err, cut ? a->cut_at : -1, "%sthe data of %zu TOC entr%s is missing: %s%s",
	    cut ? "the file ends inside its data: " : "", a->nmissing,
	    a->nmissing == 1 ? "y" : "ies", names, a->nmissing > named ? ", ..." : "");
	return KSD_INCOMPLETE;
}
