/* A wanted table's data stream into the extractor (see toc_data.h): the
 * COPY statement the TOC holds, then the data through the statement stream,
 * as the plain dump would have it; only what data needs (statements and
 * COPY lines), no comment or meta-command is interpreted. */
#include <stdlib.h>
#include <string.h>

#include "ksd_limits.h"
#include "reader/stmts.h"
#include "reader/toc_data.h"

struct toc_data {
	struct toc *t;
	int dump_id;
	const char *ns, *tag; /* the entry's schema and table, held by its toc_want */
	struct stmts st;
	struct ksd_err scratch; /* the stream's own error, re-told with an offset */
	int rc;
};

struct toc_data *toc_data_begin(struct toc *t, const struct toc_want *w)
{
	struct toc_data *d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	ksd_err_clear(&d->scratch);
	d->t = t;
	d->dump_id = w->dump_id;
	d->ns = w->ns;
	d->tag = w->tag ? w->tag : "";
	stmts_init(&d->st, t->x, &d->scratch);
	toc_set_namespace(t, w->ns);
	/* The COPY statement, then the data: the same stream a plain dump has.
	 * Without one (--inserts) the data is INSERT statements. */
	if (w->copy_stmt) {
		d->rc = stmts_feed(&d->st, w->copy_stmt, strlen(w->copy_stmt), NULL, NULL);
		if (w->copy_stmt[strlen(w->copy_stmt) - 1] != '\n' && d->rc != KSD_FATAL)
			d->rc = stmts_feed(&d->st, "\n", 1, NULL, NULL);
	}
	return d;
}

uint64_t toc_data_cap(const struct toc_want *w)
{
	return w->tag && strcmp(w->tag, "metadata") != 0 ? UINT64_MAX : KSD_MAX_BLOCK_OUT;
}

int toc_data_feed(void *data, const char *buf, size_t len)
{
	struct toc_data *d = data;
	int rc = stmts_feed(&d->st, buf, len, NULL, NULL);
	if (rc == KSD_FATAL)
		d->rc = KSD_FATAL;
	else if (rc == KSD_WARN && d->rc == KSD_OK)
		d->rc = KSD_WARN;
	return rc == KSD_FATAL ? KSD_FATAL : KSD_OK;
}

int toc_data_end(struct toc_data *d, long long offset)
{
	enum sql_open open;
	int rc = d->rc == KSD_FATAL ? KSD_FATAL : stmts_finish(&d->st, NULL, NULL, &open);
	if (rc == KSD_OK)
		rc = d->rc;
	if (rc != KSD_OK) {
		toc_fail(d->t, offset, "data of TOC entry %d (%s): %s", d->dump_id, d->tag,
		         d->scratch.set ? d->scratch.msg : "unreadable");
		return rc == KSD_FATAL ? KSD_FATAL : KSD_WARN;
	}
	/* Read whole, even with no rows (--inserts leaves no COPY to say so):
	 * as the plain dump's TABLE DATA header says. */
	ksd_extract_table_data(d->t->x, d->ns, d->tag);
	return KSD_OK;
}

void toc_data_free(struct toc_data *d)
{
	if (!d)
		return;
	stmts_free(&d->st);
	free(d);
}

#define MEMBER_READ_BUF (64u << 10)

int toc_data_read_member(struct toc *t, const struct toc_want *w, const char *member,
                         struct ksd_source *src, toc_data_read_fn *read, void *ctx)
{
	unsigned char *buf = malloc(MEMBER_READ_BUF);
	struct toc_data *d = toc_data_begin(t, w);
	struct codec *dec = NULL;
	int rc = KSD_FATAL;
	if (!buf || !d) {
		ksd_err_at_offset(t->err, -1, "out of memory");
		goto done;
	}
	size_t have = 0;
	long long at = (long long)ksd_source_tell(src);
	for (;;) {
		ssize_t n = read(ctx, buf + have, MEMBER_READ_BUF - have);
		if (n < 0)
			goto done;
		have += (size_t)n;
		/* A first chunk too short to hold a magic number waits for more. */
		if (!dec && n > 0 && have < CODEC_MAGIC_LEN)
			continue;
		if (!dec &&
		    !(dec = codec_new(codec_sniff(buf, have), toc_data_cap(w), toc_data_feed, d))) {
			ksd_err_at_offset(t->err, -1, "out of memory");
			goto done;
		}
		int r = have == 0 ? codec_end(dec) : codec_feed(dec, buf, have);
		if (r != KSD_OK) {
			if (codec_error(dec)[0])
				ksd_err_at_offset(t->err, at, "%s", codec_error(dec));
			goto done;
		}
		if (have == 0)
			break;
		have = 0;
		at = (long long)ksd_source_tell(src);
	}
	rc = KSD_OK;
done:
	if (t->err->set && !t->err->member)
		t->err->member = member;
	codec_free(dec); /* its callback is done with d */
	if (d) {
		int drc = toc_data_end(d, (long long)ksd_source_tell(src));
		if (rc == KSD_OK)
			rc = drc;
	}
	toc_data_free(d);
	free(buf);
	return rc;
}
