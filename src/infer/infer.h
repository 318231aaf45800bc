/* Inference's own steps, private to src/infer: matching the fingerprints,
 * reading the metadata as Kinto does, the steps a history redoes, the
 * prediction, the signature and the judgement of one instance. What they
 * produce is in ksd_infer.h; ksd_infer() runs them for a dump. */
#ifndef KSD_INFER_INFER_H
#define KSD_INFER_INFER_H

#include "ksd_infer.h"

/* How step k, skipped, is redone once steps from+1..to ran without it. */
enum ksd_redo {
	KSD_REDO_NONE,   /* its tables changed since: not from our SQL */
	KSD_REDO_CODE,   /* it changes code only: the target's code covers it */
	KSD_REDO_TABLES, /* its table statements run as they are */
};
/* *after: the repairs to make once it ran again, for what its statements
 * reset of a later step's (018->019's collations). */
enum ksd_redo ksd_step_redo(int k, int from, int to, enum ksd_repair *after);
/* The feature whose state tells whether step k's table statements already
 * ran: one it changes and no later step up to `target` changes again, on a
 * table `target` has, else on one it may have (a leftover); ksd_nfeatures:
 * none. */
size_t ksd_step_guard(int k, int target);
/* Kinto runs steps from+1.. on a schema at version `truth` (0: as `obs`
 * shows it, unknown taken as there), each step leaving what it changes as
 * at its version: the first step that lacks a need (`*need`), 0 when none. */
int ksd_run_unmet(int from, int truth, const enum ksd_obs *obs, const struct ksd_step_need **need);

/* Observes every fingerprint row in schema `s`. Returns false when out of
 * memory (every observation is then unknown). */
bool ksd_match_schema(const struct ksd_schema *s, enum ksd_obs obs[KSD_MAX_FEATURES]);
/* Whether index `ix` is the one row `feature` (a KSD_F_INDEX row) names:
 * same table and, when the row has a pattern, a matching definition. */
bool ksd_index_is_kintos(size_t feature, const struct ksd_index *ix);
/* The first function of schema `s` among "a|b": what a KSD_F_BODY row reads. */
const struct ksd_function *ksd_function_among(const struct ksd_schema *s, const char *names);
/* Lower-cases, strips comments (not inside literals) and collapses spacing,
 * dropping it next to punctuation; `out` gets at most `cap`-1 bytes. */
size_t ksd_normalise_body(const char *body, char *out, size_t cap);

/* Versions a row allows given its observation (all versions when unknown). */
ksd_vset ksd_feature_allows(const struct ksd_feature *f, enum ksd_obs o,
                            const enum ksd_obs obs[KSD_MAX_FEATURES]);

/* Whether schema `s` holds a table of Kinto's name without Kinto's
 * signature; then `*out` (`db` left NULL) says why. */
bool ksd_schema_not_kinto(const struct ksd_schema *s, struct ksd_not_kinto *out);
/* Every such schema of the catalog, the first `max` in `out`; returns how
 * many there are. */
size_t ksd_not_kinto(const struct ksd_catalog *cat, struct ksd_not_kinto *out, size_t max);

/* Finds and judges every Kinto instance of the catalog (a schema with
 * Kinto's storage or permission signature, see ksd_not_kinto), read from
 * `dump` (whose completeness weighs on the verdict). `*out` is malloc'd
 * (NULL when none). Returns false when out of memory. */
bool ksd_infer_catalog(const struct ksd_dump *dump, const struct ksd_catalog *cat,
                       int assume_version, struct ksd_instance **out, size_t *n);
/* Judges one schema as a Kinto instance. */
void ksd_infer_instance(const struct ksd_dump *dump, const struct ksd_catalog *cat,
                        const struct ksd_database *db, const struct ksd_schema *s,
                        int assume_version, struct ksd_instance *in);

/* The storage version Kinto reads from the instance's metadata; `*from` gets
 * the version it works from (0 when the read fails). */
enum ksd_version_read ksd_read_storage(const struct ksd_instance *in, int *from);
/* The permission version Kinto reads: the recorded one, else 1 when its
 * tables exist, else 0. */
int ksd_read_permission(const struct ksd_instance *in);
/* What Kinto runs when it reads `from` the way `read` says on a database
 * really at `truth` (0: not known). Besides the versions it looks at the
 * instance's schema (the objects table) and missing_deleted_index. */
void ksd_predict_storage(const struct ksd_instance *in, enum ksd_version_read read, int from,
                         int truth, struct ksd_storage_run *out);
void ksd_predict_permission(int from, int truth, struct ksd_permission_run *out);

/* Explains observations that match no version as a wrong-base migration,
 * from the version rows Kinto wrote (`rows`: their values, as a set) and
 * whether created_at is there. False when it does not explain them. */
bool ksd_infer_history(const enum ksd_obs obs[KSD_MAX_FEATURES], ksd_vset rows, bool created_at,
                       struct ksd_history *h);

/* Rows contradicting version v, in table order, for reporting: fills up to
 * `max` indexes into ksd_features and returns the count. */
size_t ksd_contradictions(const struct ksd_instance *in, enum ksd_backend b, int v, size_t *idx,
                          size_t max);

#endif
