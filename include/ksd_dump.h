/* The dump's facts, apart from the schema it defines (ksd_catalog.h): its
 * format and compression, where it came from, whether it was read whole,
 * and an archive's header and TOC. Readers fill it while they read; the
 * extractor adds what statements say of the dump (server calls,
 * standard_conforming_strings, what it had to skip). Strings are copied
 * into its arena and stay valid until ksd_dump_free(). */
#ifndef KSD_DUMP_H
#define KSD_DUMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One TOC entry of an archive, for --list --toc (pg_restore -l style). */
struct ksd_toc_entry {
	int dump_id;
	const char *desc;
	const char *schema; /* NULL when the entry has none */
	const char *tag;
	const char *owner;
	long long data_offset; /* -1 when none or not recorded */
	int section;           /* 0 unknown, 1 none, 2 pre-data, 3 data, 4 post-data */
	unsigned catalog_oid, oid;
	bool selected;    /* pg_restore restores it by default, so `pg_restore -l` lists it */
	bool has_data;    /* it points at data: a custom block, a tar member, a directory file */
	const char *file; /* tar, directory: the data file the TOC names; NULL for custom */
	/* Its data is not in the archive (a file or member absent, a block past
	 * the end or cut): told by the readers' completeness check. */
	bool data_missing;
};

/* Why an archive is incomplete: its TOC is whole, but data it names is not
 * there. Each has its own pg_restore failure. */
enum ksd_missing_kind {
	KSD_MISSING_NONE,
	KSD_MISSING_FILES,   /* directory: data files absent, or not regular files */
	KSD_MISSING_MEMBERS, /* tar: data members absent */
	KSD_MISSING_CUT,     /* custom: the file ends before its last data block does */
};

/* How a tar archive's members are laid out, when not as pg_dump writes
 * them (toc.dat first, then the data members in TOC order): bits. */
enum ksd_tar_layout {
	KSD_TAR_TOC_NOT_FIRST = 1 << 0,    /* some member precedes toc.dat */
	KSD_TAR_DATA_BEFORE_TOC = 1 << 1,  /* a data member precedes toc.dat */
	KSD_TAR_DATA_OUT_OF_ORDER = 1 << 2 /* data members not in their TOC entries' order */
};

/* What a dump's data is compressed with, as a code (src/report/ words it):
 * an archive's data is none, gzip, lz4 or zstd; a whole file (a plain dump,
 * or an archive compressed after the fact) may also be bzip2 or xz. */
enum ksd_compression_alg {
	KSD_COMPRESSION_NONE,
	KSD_COMPRESSION_GZIP,
	KSD_COMPRESSION_LZ4,
	KSD_COMPRESSION_ZSTD,
	KSD_COMPRESSION_BZIP2,
	KSD_COMPRESSION_XZ,
	KSD_COMPRESSION_COUNT
};

/* What an archive's header says (custom, tar, directory), for --list --toc;
 * its creation time, database and versions are in struct ksd_provenance. */
struct ksd_archive {
	int vmaj, vmin, vrev;
	int int_size, off_size;
	int format; /* the header's format byte: 1 custom, 3 tar or directory */
	enum ksd_compression_alg compression; /* of its data */
	int level;                            /* before archive 1.15: the zlib level (-1 default) */
	long long ntoc;                       /* TOC entries the header announced */
	unsigned tar_layout;                  /* enum ksd_tar_layout bits, tar archives only */
	/* Completeness, checked in every mode without reading the data: the
	 * entries whose data is missing are marked data_missing in the TOC. */
	enum ksd_missing_kind missing;
	size_t nmissing;
	long long cut_at; /* KSD_MISSING_CUT: where the file ends */
};

/* psql meta-commands of a plain dump kept by name, and their longest name. */
#define KSD_MAX_META_COMMANDS 16
#define KSD_META_NAME_MAX     32
/* Server functions a dump's SELECT statements call, kept by name. */
#define KSD_MAX_CALLS 16

/* Where a dump came from, as the dump itself says: an archive's header, or
 * a plain dump's own comments (`Started on`, `Dumped from database version`,
 * `Dumped by pg_dump version`, the DATABASE entry or the first \connect).
 * NULL where it does not say. */
struct ksd_provenance {
	/* Archive: "YYYY-MM-DD HH:MM:SS", the dump host's local time (no zone
	 * is stored); plain: the `Started on` value as written (pg_dump -v). */
	const char *created;
	const char *database; /* NULL in a pg_dumpall script, which holds several */
	const char *server_version;
	const char *pg_dump_version;
	/* A plain dump's psql meta-commands, names without the backslash, each
	 * once, in order of first use; more than KSD_MAX_META_COMMANDS distinct
	 * names set meta_truncated. */
	const char *meta[KSD_MAX_META_COMMANDS];
	size_t nmeta;
	bool meta_truncated;
	/* The server functions its top-level SELECTs call (`SELECT [* FROM]
	 * [pg_catalog.]name(`: set_config, setval, pg_restore_extended_stats),
	 * plain or archive, each once, in order of first use; more than
	 * KSD_MAX_CALLS distinct names set calls_truncated. */
	const char *calls[KSD_MAX_CALLS];
	size_t ncalls;
	bool calls_truncated;
	/* It sets standard_conforming_strings off: the dumped server had it off
	 * (the default before 9.1), which pg_dump up to 18 carries over. */
	bool std_strings_off;
};

enum ksd_dump_format {
	KSD_FMT_UNKNOWN,
	KSD_FMT_PLAIN,
	KSD_FMT_DUMPALL,
	KSD_FMT_CUSTOM,
	KSD_FMT_TAR,
	KSD_FMT_DIRECTORY
};

struct ksd_dump {
	enum ksd_dump_format format;
	/* What the file itself is wrapped in (a plain dump, or an archive
	 * compressed after the fact); KSD_COMPRESSION_NONE when nothing. */
	enum ksd_compression_alg compression;
	struct ksd_provenance prov;
	bool partial;        /* a reader or the extractor stopped early or skipped something */
	uint64_t bytes_read; /* from the files themselves, for KSD_STATS */
	struct ksd_toc_entry *toc;
	size_t ntoc;
	struct ksd_archive archive; /* zero unless an archive was read */
	struct ksd_arena *arena;    /* private */
};

struct ksd_dump *ksd_dump_new(void);
void ksd_dump_free(struct ksd_dump *d);

/* Copies into the dump's arena; NULL in, NULL out. */
const char *ksd_dump_strdup(struct ksd_dump *d, const char *s);
const char *ksd_dump_strndup(struct ksd_dump *d, const char *s, size_t len);

/* Records a server function the dump calls (struct ksd_provenance calls);
 * -1 when out of memory. */
int ksd_dump_add_call(struct ksd_dump *d, const char *name);

/* Appends a TOC entry, its strings copied; -1 when out of memory. */
int ksd_dump_add_toc(struct ksd_dump *d, const struct ksd_toc_entry *e);
/* Marks the data of TOC entry d->toc[i] missing, `kind` saying how; once
 * per entry. */
void ksd_dump_data_missing(struct ksd_dump *d, size_t i, enum ksd_missing_kind kind);
/* Whether the archive's data of table schema.table is missing (schema NULL:
 * an entry without one, as in archives before 1.6). */
bool ksd_dump_table_data_missing(const struct ksd_dump *d, const char *schema, const char *table);

#endif
