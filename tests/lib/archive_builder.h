/* Test library: writes pg_dump archives byte by byte (header, TOC entries,
 * custom data blocks, tar members) for any archive version, from the layout
 * in the formats fact sheet, so that the readers can be fed exact and hostile
 * variants. A build that fails (out of memory, a compressor error) fails
 * the test. */
#ifndef ARCHIVE_BUILDER_H
#define ARCHIVE_BUILDER_H

#include <stddef.h>
#include <stdint.h>

struct ab {
	unsigned char *p;
	size_t len, cap;
	int vmin, int_size, off_size;
};

void ab_raw(struct ab *b, const void *data, size_t n);
void ab_byte(struct ab *b, int v);
/* Sign byte (from 1.1) + int_size magnitude bytes, least significant first. */
void ab_int(struct ab *b, int64_t v);
/* A length and the bytes; NULL is length -1. */
void ab_str(struct ab *b, const char *s);
/* An offset flag (1 unset, 2 set, 3 no data) and `pos` in off_size bytes;
 * before 1.7 an int: the position, -1 unset, 0 otherwise. */
void ab_off(struct ab *b, int flag, uint64_t pos);
/* comp: the header's compression (algorithm from 1.15, else a level). */
void ab_head(struct ab *b, int format, int comp);

struct ab_entry {
	int id;
	int had_dumper;
	const char *tag, *desc, *defn, *copy, *ns, *owner;
	int flag;         /* custom offset flag */
	uint64_t pos;     /* custom block offset */
	const char *file; /* tar/directory file name; NULL = custom */
};

/* A table's data entry in public, owned by kinto; the caller sets the
 * offset flag (custom) or file name (tar, directory). */
struct ab_entry ab_data_entry(int id, const char *table, const char *copy);
/* The metadata table's entry in public, owned by kinto, created by `defn`
 * (AB_TABLE_SQL: the real one); no data (custom offset flag 3). */
struct ab_entry ab_table_entry(int id, const char *defn);
void ab_entry(struct ab *b, const struct ab_entry *e);
/* A data block: type byte (from 1.3), dump id, the payload in chunks of at
 * most `chunk` bytes, then the zero terminator. */
void ab_block(struct ab *b, int id, const void *payload, size_t len, size_t chunk);

enum ab_comp { AB_NONE, AB_ZLIB, AB_LZ4, AB_ZSTD, AB_GZIP };

/* Compresses into a malloc'd buffer the way pg_dump's custom blocks (zlib,
 * lz4, zstd) or directory files (gzip, lz4, zstd) are. */
unsigned char *ab_compress(enum ab_comp comp, const void *in, size_t len, size_t *out);

#define AB_TABLE_SQL                                                                               \
	"CREATE TABLE public.metadata (\n    name character varying(128) NOT NULL,\n"              \
	"    value character varying(512) NOT NULL\n);\n"
#define AB_COPY "COPY public.metadata (name, value) FROM stdin;\n"
#define AB_ROWS "storage_schema_version\t20\npermission_schema_version\t1\n\\.\n\n\n"

/* A whole custom archive: a TABLE entry and the metadata TABLE DATA entry
 * whose block holds `payload` compressed with `comp`; `flag` 2 records
 * the offset, 1 leaves it unset. The block's position in *block_pos. */
struct ab ab_custom_at(int vmin, int int_size, int off_size, enum ab_comp comp, int flag,
                       const char *payload, uint64_t *block_pos);
struct ab ab_custom(int vmin, int int_size, int off_size, enum ab_comp comp, int flag,
                    const char *payload);
/* A ustar member as pg_dump writes it: header, data, zero padding to 512. */
void ab_tar_member(struct ab *b, const char *name, const void *data, size_t len);
/* The two zero blocks that end a tar. */
void ab_tar_end(struct ab *b);
/* A tar/directory toc.dat: a TABLE entry, the metadata TABLE DATA entry
 * naming `file`, and a second data entry naming "30.dat". */
struct ab ab_dir_toc(const char *file);

#endif
