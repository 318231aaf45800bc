/* Test library: the archive builder (see archive_builder.h). */
#include <check.h>
#include <lz4frame.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "archive_builder.h"

void ab_raw(struct ab *b, const void *data, size_t n)
{
	if (b->len + n > b->cap) {
		b->cap = (b->len + n) * 2 + 64;
		b->p = realloc(b->p, b->cap);
		ck_assert_ptr_nonnull(b->p);
	}
	memcpy(b->p + b->len, data, n);
	b->len += n;
}

void ab_byte(struct ab *b, int v)
{
	unsigned char c = (unsigned char)v;
	ab_raw(b, &c, 1);
}

void ab_int(struct ab *b, int64_t v)
{
	uint64_t m = v < 0 ? (uint64_t)(-v) : (uint64_t)v;
	if (b->vmin >= 1)
		ab_byte(b, v < 0);
	else
		m = (uint64_t)v; /* 1.0: no sign byte, two's complement */
	for (int i = 0; i < b->int_size; i++)
		ab_byte(b, i < 8 ? (int)((m >> (8 * i)) & 0xff) : 0);
}

void ab_str(struct ab *b, const char *s)
{
	if (!s) {
		ab_int(b, -1);
		return;
	}
	ab_int(b, (int64_t)strlen(s));
	ab_raw(b, s, strlen(s));
}

void ab_off(struct ab *b, int flag, uint64_t pos)
{
	if (b->vmin < 7) {
		ab_int(b, flag == 2 ? (int64_t)pos : flag == 1 ? -1 : 0);
		return;
	}
	ab_byte(b, flag);
	for (int i = 0; i < b->off_size; i++)
		ab_byte(b, i < 8 ? (int)((pos >> (8 * i)) & 0xff) : 0);
}

void ab_head(struct ab *b, int format, int comp)
{
	ab_raw(b, "PGDMP", 5);
	ab_byte(b, 1);
	ab_byte(b, b->vmin);
	if (b->vmin > 0)
		ab_byte(b, 0);
	ab_byte(b, b->int_size);
	if (b->vmin >= 7)
		ab_byte(b, b->off_size);
	ab_byte(b, format);
	if (b->vmin >= 15)
		ab_byte(b, comp);
	else if (b->vmin >= 4)
		ab_int(b, comp);
	else if (b->vmin >= 2)
		ab_byte(b, comp);
	if (b->vmin >= 4) {
		int64_t tm[7] = {5, 4, 3, 2, 0, 126, 0};
		for (int i = 0; i < 7; i++)
			ab_int(b, tm[i]);
		ab_str(b, "kinto");
	}
	if (b->vmin >= 10) {
		ab_str(b, "15.18 (test)");
		ab_str(b, "15.18 (test)");
	}
}

struct ab_entry ab_data_entry(int id, const char *table, const char *copy)
{
	return (struct ab_entry){.id = id,
	                         .had_dumper = 1,
	                         .tag = table,
	                         .desc = "TABLE DATA",
	                         .copy = copy,
	                         .ns = "public",
	                         .owner = "kinto"};
}

struct ab_entry ab_table_entry(int id, const char *defn)
{
	return (struct ab_entry){.id = id,
	                         .tag = "metadata",
	                         .desc = "TABLE",
	                         .defn = defn,
	                         .ns = "public",
	                         .owner = "kinto",
	                         .flag = 3};
}

void ab_entry(struct ab *b, const struct ab_entry *e)
{
	ab_int(b, e->id);
	ab_int(b, e->had_dumper);
	if (b->vmin >= 8)
		ab_str(b, "1259");
	ab_str(b, "16385");
	ab_str(b, e->tag);
	ab_str(b, e->desc);
	if (b->vmin >= 11)
		ab_int(b, 2);
	ab_str(b, e->defn);
	ab_str(b, ""); /* dropStmt */
	if (b->vmin >= 3)
		ab_str(b, e->copy);
	if (b->vmin >= 6)
		ab_str(b, e->ns);
	if (b->vmin >= 10)
		ab_str(b, "");
	if (b->vmin >= 14)
		ab_str(b, "heap");
	if (b->vmin >= 16)
		ab_int(b, 114);
	ab_str(b, e->owner);
	if (b->vmin >= 9)
		ab_str(b, "false");
	if (b->vmin >= 5) {
		ab_str(b, "1");
		ab_str(b, NULL);
	}
	if (e->file) {
		ab_str(b, e->file);
	} else {
		ab_off(b, e->flag, e->pos);
		if (b->vmin < 7)
			ab_int(b, 0); /* data length, unused */
	}
}

void ab_block(struct ab *b, int id, const void *payload, size_t len, size_t chunk)
{
	if (b->vmin >= 3)
		ab_byte(b, 1);
	ab_int(b, id);
	for (size_t at = 0; at < len; at += chunk) {
		size_t n = len - at < chunk ? len - at : chunk;
		ab_int(b, (int64_t)n);
		ab_raw(b, (const char *)payload + at, n);
	}
	ab_int(b, 0);
}

unsigned char *ab_compress(enum ab_comp comp, const void *in, size_t len, size_t *out)
{
	unsigned char *p = NULL;
	*out = 0;
	switch (comp) {
	case AB_NONE:
		p = malloc(len + 1);
		memcpy(p, in, len);
		*out = len;
		break;
	case AB_ZLIB: {
		uLongf n = compressBound(len);
		p = malloc(n);
		ck_assert_int_eq(compress2(p, &n, in, len, 6), Z_OK);
		*out = n;
		break;
	}
	case AB_GZIP: {
		z_stream z = {0};
		ck_assert_int_eq(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
		uLong n = deflateBound(&z, len) + 32;
		p = malloc(n);
		z.next_in = (unsigned char *)in;
		z.avail_in = (uInt)len;
		z.next_out = p;
		z.avail_out = (uInt)n;
		ck_assert_int_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
		*out = n - z.avail_out;
		deflateEnd(&z);
		break;
	}
	case AB_LZ4: {
		size_t n = LZ4F_compressFrameBound(len, NULL);
		p = malloc(n);
		*out = LZ4F_compressFrame(p, n, in, len, NULL);
		ck_assert(!LZ4F_isError(*out));
		break;
	}
	case AB_ZSTD: {
		size_t n = ZSTD_compressBound(len);
		p = malloc(n);
		*out = ZSTD_compress(p, n, in, len, 3);
		ck_assert(!ZSTD_isError(*out));
		break;
	}
	}
	return p;
}

struct ab ab_custom_at(int vmin, int int_size, int off_size, enum ab_comp comp, int flag,
                       const char *payload, uint64_t *block_pos)
{
	static const int algs[] = {0, 1, 2, 3};
	int head_comp = vmin >= 15 ? algs[comp] : comp == AB_NONE ? 0 : -1;
	size_t zlen = 0;
	unsigned char *z = ab_compress(comp, payload, strlen(payload), &zlen);
	uint64_t pos = 0;
	struct ab b = {0};
	for (int pass = 0; pass < 2; pass++) {
		free(b.p);
		b = (struct ab){NULL, 0, 0, vmin, int_size, off_size};
		ab_head(&b, 1, head_comp);
		ab_int(&b, 2);
		struct ab_entry table = ab_table_entry(10, AB_TABLE_SQL);
		struct ab_entry data = ab_data_entry(20, "metadata", vmin >= 3 ? AB_COPY : NULL);
		data.flag = flag;
		data.pos = pos;
		ab_entry(&b, &table);
		ab_entry(&b, &data);
		pos = b.len;
		ab_block(&b, 20, z, zlen, 4096);
	}
	free(z);
	if (block_pos)
		*block_pos = pos;
	return b;
}

struct ab ab_custom(int vmin, int int_size, int off_size, enum ab_comp comp, int flag,
                    const char *payload)
{
	return ab_custom_at(vmin, int_size, off_size, comp, flag, payload, NULL);
}

void ab_tar_member(struct ab *b, const char *name, const void *data, size_t len)
{
	unsigned char h[512] = {0};
	snprintf((char *)h, 100, "%s", name);
	memcpy(h + 100, "0000600 ", 8);
	memcpy(h + 108, "0004000 ", 8);
	memcpy(h + 116, "0002000 ", 8);
	snprintf((char *)h + 124, 13, "%011llo ", (unsigned long long)len);
	memcpy(h + 136, "14721102312 ", 12);
	memset(h + 148, ' ', 8);
	h[156] = '0';
	memcpy(h + 257,
	       "ustar\0"
	       "00",
	       8);
	unsigned sum = 0;
	for (int i = 0; i < 512; i++)
		sum += h[i];
	char field[9];
	snprintf(field, sizeof(field), "%07o ", sum);
	memcpy(h + 148, field, 8); /* no NUL over the type flag */
	ab_raw(b, h, 512);
	ab_raw(b, data, len);
	static const unsigned char zeros[512];
	if (len % 512)
		ab_raw(b, zeros, 512 - len % 512);
}

void ab_tar_end(struct ab *b)
{
	static const unsigned char zeros[1024];
	ab_raw(b, zeros, sizeof(zeros));
}

struct ab ab_dir_toc(const char *file)
{
	struct ab b = {NULL, 0, 0, 14, 4, 8};
	ab_head(&b, 3, 0);
	ab_int(&b, 3);
	struct ab_entry table = ab_table_entry(10, AB_TABLE_SQL);
	table.file = "";
	struct ab_entry data = ab_data_entry(20, "metadata", AB_COPY);
	data.file = file;
	struct ab_entry other =
	    ab_data_entry(30, "records", "COPY public.records (id) FROM stdin;\n");
	other.file = "30.dat";
	ab_entry(&b, &table);
	ab_entry(&b, &data);
	ab_entry(&b, &other);
	return b;
}
