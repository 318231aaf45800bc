/* Restore readiness: which program restores a dump and the oldest
 * PostgreSQL release of it that can, from what the dump says of the file
 * (archive version, compression, tar layout, data missing from an archive,
 * a plain dump's psql meta-commands, the server functions it calls and its
 * standard_conforming_strings). Codes and release numbers; src/report/ words them. */
#ifndef KSD_INFER_RESTORE_H
#define KSD_INFER_RESTORE_H

#include <stdbool.h>
#include <stddef.h>

#include "ksd_dump.h"

/* Releases as PG_VERSION_NUM: 90322 is 9.3.22, 130022 is 13.22, 170000 is
 * the major release 17. */
#define KSD_PG_MAJOR(v) ((v) >= 100000 ? (v) / 10000 * 10000 : (v) / 100 * 100)

enum ksd_restore_program { KSD_PROG_PSQL, KSD_PROG_PG_RESTORE };

/* What restoring the file asks for, each with its reason. */
enum ksd_need {
	KSD_NEED_ARCHIVE,     /* archive 1.`vmin`: a pg_restore that knows it */
	KSD_NEED_COMPRESSION, /* `compression` data: pg_restore `version` or later built with it */
	KSD_NEED_UNWRAP,      /* the whole file is `compression`-ed: decompress it first */
	KSD_NEED_RESTRICT,    /* \restrict lines: psql of August 2025 or later */
	KSD_NEED_SHELL,       /* \! runs a shell command on the restoring host */
	KSD_NEED_INCLUDE,     /* \`name` reads another file */
	KSD_NEED_META,        /* \`name`, a meta-command pg_dump does not write */
	KSD_NEED_TOC_NOT_FIRST, /* a tar member precedes toc.dat: some releases refuse it */
	KSD_NEED_DATA_ORDER, /* tar data members out of TOC order: unpack, restore the directory */
	KSD_NEED_SERVER,     /* pg_dump `version` wrote it: a server of that major or later */
	KSD_NEED_COMPLETE,   /* `count` entries' data is `missing`: pg_restore fails on it */
	KSD_NEED_FUNCTION,   /* its SQL calls `name`, which servers before `version` lack */
	KSD_NEED_STD_STRINGS_OFF, /* it sets standard_conforming_strings off: servers from
	                           * `version` on refuse it */
};

struct ksd_restore_need {
	enum ksd_need code;
	int vmin;    /* KSD_NEED_ARCHIVE */
	int version; /* KSD_NEED_SERVER, KSD_NEED_COMPRESSION: a major, PG_VERSION_NUM */
	enum ksd_compression_alg compression; /* KSD_NEED_COMPRESSION, KSD_NEED_UNWRAP */
	/* KSD_NEED_FUNCTION: the function; otherwise the meta-command's name, from
	 * the dump. */
	const char *name;
	/* KSD_NEED_FUNCTION in an archive: the TOC entry type whose SQL calls
	 * it, which pg_restore `version` and later take for statistics (and
	 * leave out with --no-statistics); NULL otherwise. */
	const char *entry;
	enum ksd_missing_kind missing; /* KSD_NEED_COMPLETE */
	size_t count;                  /* KSD_NEED_COMPLETE */
	/* KSD_NEED_ARCHIVE, KSD_NEED_RESTRICT: the first release of each major
	 * from the oldest on that has what is needed, 0-terminated. */
	const int *releases;
};

#define KSD_RESTORE_MAX_NEEDS 12

struct ksd_restore {
	enum ksd_restore_program program;
	/* Restorable as it is: false when a step comes first (decompressing,
	 * unpacking a tar), or when data is missing, which `needs` names. */
	bool restorable;
	/* The oldest release that restores it once that is done: a major (its
	 * .0), or with `releases` the first of each major; 0 when no release
	 * bound is known. */
	int min_version;
	const int *releases;
	/* The oldest server major its SQL is meant for (pg_dump's, or the first
	 * with a function it calls); 0: unknown. */
	int server_min;
	/* The newest server major that takes its SQL; 0: no bound known. */
	int server_max;
	/* Majors from min_version on that fail on this file all the same. */
	int except[4];
	size_t nexcept;
	struct ksd_restore_need needs[KSD_RESTORE_MAX_NEEDS];
	size_t nneeds;
};

void ksd_infer_restore(const struct ksd_dump *dump, struct ksd_restore *out);

#endif
