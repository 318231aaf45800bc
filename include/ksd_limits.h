/* Every sanity cap on sizes read from a dump, with the reason for its value.
 * Sizes read from input are checked against these before any allocation. */
#ifndef KSD_LIMITS_H
#define KSD_LIMITS_H

/* Longest SQL statement kept for extraction. Kinto's largest DDL statement is
 * a few KiB; function bodies in other schemas can be large, but a longer
 * statement is skipped (partial result), never buffered without end. */
#define KSD_MAX_STMT (8u << 20)

/* Longest COPY row of a metadata table that is decoded. Kinto's values are at
 * most 512 characters; anything longer is garbage and is truncated. */
#define KSD_MAX_ROW (64u << 10)

/* Decompressed size of one metadata data block (custom, tar, directory). A
 * block that expands past this is a decompression bomb. */
#define KSD_MAX_BLOCK_OUT (64u << 20)

/* Archive strings (TOC fields). Real ones are a statement at most. */
#define KSD_MAX_TOC_STR KSD_MAX_STMT

/* TOC entries in one archive. A Kinto database has about a hundred; large
 * real databases have tens of thousands. */
#define KSD_MAX_TOC_ENTRIES 1000000

/* Bytes of the data members kept from a tar archive read as a stream when
 * they come before toc.dat, until the TOC says which one is a metadata
 * table's (a few KiB): larger members are skipped, not kept. */
#define KSD_MAX_TAR_KEPT (1u << 20)

/* Bytes of tool messages skipped before a plain dump's first line (pg_dump's
 * warnings captured with it from stderr): a few lines; more, and the file is
 * read as it is. At most KSD_SOURCE_PEEK_MAX. */
#define KSD_MAX_PREAMBLE (64u << 10)

/* Metadata rows kept per schema: Kinto writes at most a few dozen. */
#define KSD_MAX_META_ROWS 10000

/* Plugin version rows (`<name>_schema_version`) reported per instance: a
 * Kinto database has one per installed plugin, a handful at most. */
#define KSD_MAX_PLUGINS 16

/* Drift items (objects no Kinto release explains) reported per instance:
 * a hand-tuned database has a few; more are counted, not listed. */
#define KSD_MAX_DRIFT 64

/* Schemas named in a "no Kinto" answer: a dump holds a few schemas with
 * tables of Kinto's names at most; the rest are counted, not named. */
#define KSD_MAX_NOT_KINTO 8

/* Resource names counted apart per schema in the inventory: Kinto and its
 * plugins use about ten (bucket, collection, group, record, history,
 * account, attachments...); rows of further names are counted together.
 * A longer name is not Kinto's and is counted with them too. */
#define KSD_MAX_RESOURCES     32
#define KSD_MAX_RESOURCE_NAME 64

/* Keys of the first table's rows kept to find a deleted/records twin
 * (versions 10..12): a hit is proof, a miss proves nothing, so a bound
 * costs no correctness. Each key is at most KSD_MAX_TWIN_KEY bytes. */
#define KSD_MAX_TWIN_KEYS 4096
#define KSD_MAX_TWIN_KEY  512

/* Objects of one kind in one schema (tables, indexes, functions...). */
#define KSD_MAX_OBJECTS 1000000

/* Stored function body; enough for every Kinto function with room to spare. */
#define KSD_MAX_BODY (1u << 20)

/* The largest zstd window accepted for compressed plain input, as a power
 * of two: the memory a frame may make the decoder hold (128 MiB here).
 * zstd -d refuses larger ones too unless given --memory; its levels ask
 * at most 2^23 up to 19 and 2^27 at --ultra -22, so only --long=28 and
 * above are refused. */
#define KSD_ZSTD_WINDOW_LOG_MAX 27

/* Memory for decoding a multi-block xz file (what xz -T writes) on two
 * threads (input/xz.c): a pair of blocks holds both dictionaries, both
 * blocks' compressed bytes and the second block's output (the first goes
 * straight to the reader). xz's default blocks (24 MiB, 8 MiB dictionary)
 * pair when each compresses to 8 MiB or less (a SQL dump's: about 3 MiB);
 * with the rest of the tool the peak stays under 64 MiB (bench/results.md).
 * A block that does not pair is decoded alone. */
#define KSD_XZ_THREADS_MEM (56u << 20)

#endif
