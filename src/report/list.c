/* --list: the catalog as a person reads it, one object per line. */
#include "ksd_report.h"
#include "report/words.h"
#include "report/inventory.h"
#include "report/restore.h"

static void put_list(FILE *out, const char *const *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", out);
		ksd_fput_safe(out, items[i]);
	}
}

static void list_table(FILE *out, const struct ksd_table *t)
{
	fputs("    table ", out);
	ksd_fput_safe(out, t->name);
	putc('\n', out);
	for (size_t i = 0; i < t->ncolumns; i++) {
		const struct ksd_column *c = &t->columns[i];
		fputs("      column ", out);
		ksd_fput_safe(out, c->name);
		putc(' ', out);
		ksd_fput_safe(out, c->type);
		if (c->collation) {
			fputs(" collate ", out);
			ksd_fput_safe(out, c->collation);
		}
		if (c->default_expr) {
			fputs(" default ", out);
			ksd_fput_safe(out, c->default_expr);
		}
		if (c->not_null)
			fputs(" not null", out);
		putc('\n', out);
	}
	for (size_t i = 0; i < t->nconstraints; i++) {
		const struct ksd_constraint *k = &t->constraints[i];
		fputs(k->kind == KSD_CONS_PRIMARY_KEY ? "      primary key " : "      unique ",
		      out);
		ksd_fput_safe(out, k->name ? k->name : "(unnamed)");
		fputs(" (", out);
		put_list(out, k->columns, k->ncolumns);
		fputs(")\n", out);
	}
	inventory_list_table(out, t);
}

static void list_index(FILE *out, const struct ksd_index *ix)
{
	fputs(ix->unique ? "    unique index " : "    index ", out);
	ksd_fput_safe(out, ix->name);
	fputs(" on ", out);
	ksd_fput_safe(out, ix->table);
	fputs(" using ", out);
	ksd_fput_safe(out, ix->method ? ix->method : "btree");
	fputs(" (", out);
	put_list(out, ix->keys, ix->nkeys);
	putc(')', out);
	if (ix->predicate) {
		fputs(" where ", out);
		ksd_fput_safe(out, ix->predicate);
	}
	putc('\n', out);
}

static void list_function(FILE *out, const struct ksd_function *f)
{
	static const char *const vol[] = {"volatile", "stable", "immutable"};
	fputs("    function ", out);
	ksd_fput_safe(out, f->name);
	putc('(', out);
	ksd_fput_safe(out, f->args);
	fputs(") returns ", out);
	ksd_fput_safe(out, f->returns ? f->returns : "?");
	fputs(" language ", out);
	ksd_fput_safe(out, f->language ? f->language : "?");
	fprintf(out, " %s, body %zu bytes\n", vol[f->volatility], f->body_len);
}

static void list_trigger(FILE *out, const struct ksd_trigger *tg)
{
	static const char *const timing[] = {"before", "after", "instead of"};
	fputs("    trigger ", out);
	ksd_fput_safe(out, tg->name);
	fprintf(out, " %s", timing[tg->timing]);
	const char *sep = " ";
	if (tg->events & KSD_TRG_INSERT) {
		fprintf(out, "%sinsert", sep);
		sep = " or ";
	}
	if (tg->events & KSD_TRG_UPDATE) {
		fprintf(out, "%supdate", sep);
		sep = " or ";
		if (tg->nupdate_columns) {
			fputs(" of ", out);
			put_list(out, tg->update_columns, tg->nupdate_columns);
		}
	}
	if (tg->events & KSD_TRG_DELETE) {
		fprintf(out, "%sdelete", sep);
		sep = " or ";
	}
	if (tg->events & KSD_TRG_TRUNCATE)
		fprintf(out, "%struncate", sep);
	fputs(" on ", out);
	ksd_fput_safe(out, tg->table);
	fputs(tg->for_each_row ? " for each row" : " for each statement", out);
	fputs(" execute ", out);
	ksd_fput_safe(out, tg->function);
	fputs("()\n", out);
}

static void list_metadata(FILE *out, const struct ksd_metadata *m)
{
	if (!m->data_seen)
		return;
	fprintf(out, "    metadata rows: %zu%s\n", m->nrows, m->truncated ? " (truncated)" : "");
	for (size_t i = 0; i < m->nrows; i++) {
		fputs("      ", out);
		ksd_fput_safe(out, m->rows[i].name ? m->rows[i].name : "NULL");
		fputs(" = ", out);
		ksd_fput_safe(out, m->rows[i].value ? m->rows[i].value : "NULL");
		putc('\n', out);
	}
}

/* A schema whose tables only bear Kinto's names says so first: what is
 * listed below is not a Kinto instance. */
static void not_kinto(FILE *out, const struct ksd_schema *sc, const struct ksd_result *res)
{
	size_t i = 0;
	while (i < res->nnot_kinto && res->not_kinto[i].schema != sc)
		i++;
	if (i == res->nnot_kinto)
		return;
	char why[WORDS_NOT_KINTO_MAX];
	words_not_kinto(why, sizeof(why), &res->not_kinto[i], false);
	fputs("    not Kinto: ", out);
	ksd_fput_safe(out, why);
	putc('\n', out);
}

void ksd_list_catalog(FILE *out, const char *input, const struct ksd_dump *dump,
                      const struct ksd_catalog *cat, const struct ksd_result *res)
{
	fputs("input ", out);
	ksd_fput_safe(out, input);
	fprintf(out, ": %s", words_format_name(dump->format));
	if (dump->compression != KSD_COMPRESSION_NONE)
		fprintf(out, ", %s", words_compression_name(dump->compression));
	if (dump->prov.pg_dump_version) {
		fputs(", pg_dump ", out);
		ksd_fput_safe(out, dump->prov.pg_dump_version);
	}
	fputs(dump->partial ? " (partial)\n" : "\n", out);
	restore_missing_text(out, dump, "missing ", ksd_fput_safe);
	for (size_t d = 0; d < cat->ndatabases; d++) {
		const struct ksd_database *db = &cat->databases[d];
		fputs("database ", out);
		ksd_fput_safe(out, db->name ? db->name : "(default)");
		putc('\n', out);
		for (size_t i = 0; i < db->nextensions; i++) {
			fputs("  extension ", out);
			ksd_fput_safe(out, db->extensions[i].name);
			if (db->extensions[i].schema) {
				fputs(" schema ", out);
				ksd_fput_safe(out, db->extensions[i].schema);
			}
			putc('\n', out);
		}
		for (size_t s = 0; s < db->nschemas; s++) {
			const struct ksd_schema *sc = &db->schemas[s];
			fputs("  schema ", out);
			ksd_fput_safe(out, sc->name);
			putc('\n', out);
			not_kinto(out, sc, res);
			for (size_t i = 0; i < sc->ntables; i++)
				list_table(out, &sc->tables[i]);
			for (size_t i = 0; i < sc->nindexes; i++)
				list_index(out, &sc->indexes[i]);
			for (size_t i = 0; i < sc->nfunctions; i++)
				list_function(out, &sc->functions[i]);
			for (size_t i = 0; i < sc->ntriggers; i++)
				list_trigger(out, &sc->triggers[i]);
			list_metadata(out, &sc->metadata);
			inventory_list_schema(out, sc);
		}
	}
}
