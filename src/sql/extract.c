/* Placeholder until the DDL extractor lands (issue 2). */
#include <stdlib.h>

#include "ksd_extract.h"

struct ksd_extract {
	struct ksd_catalog *cat;
};

struct ksd_extract *ksd_extract_new(struct ksd_catalog *cat)
{
	struct ksd_extract *x = calloc(1, sizeof(*x));
	if (x)
		x->cat = cat;
	return x;
}

void ksd_extract_free(struct ksd_extract *x)
{
	free(x);
}

int ksd_extract_stmt(struct ksd_extract *x, const char *sql, size_t len, long line,
		     struct ksd_err *err)
{
	(void)x, (void)sql, (void)len, (void)line, (void)err;
	return KSD_OK;
}

void ksd_extract_connect(struct ksd_extract *x, const char *dbname)
{
	(void)x, (void)dbname;
}

void ksd_extract_set_namespace(struct ksd_extract *x, const char *schema)
{
	(void)x, (void)schema;
}

bool ksd_extract_copy_begin(struct ksd_extract *x, const char *sql, size_t len)
{
	(void)x, (void)sql, (void)len;
	return false;
}

int ksd_extract_copy_line(struct ksd_extract *x, const char *line, size_t len,
			  struct ksd_err *err)
{
	(void)x, (void)line, (void)len, (void)err;
	return KSD_OK;
}

void ksd_extract_copy_end(struct ksd_extract *x)
{
	(void)x;
}

void ksd_extract_note_data(struct ksd_extract *x)
{
	(void)x;
}
