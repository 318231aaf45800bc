/* The words shared by the reports: names of states, version sets, and the
 * contradictions behind an instance no version describes. */
#include <stdio.h>
#include <string.h>

#include "report/words.h"

const char *words_meta_name(enum ksd_meta_state m)
{
	static const char *const names[] = {
	    [KSD_META_INTACT] = "intact",
	    [KSD_META_FLUSHED] = "flushed",
	    [KSD_META_WRONG] = "wrong",
	    [KSD_META_NO_CREATED_AT] = "no-created-at",
	    [KSD_META_MISSING_TABLE] = "missing-table",
	    [KSD_META_NOT_DUMPED] = "not-dumped",
	};
	return names[m];
}

const char *words_status_name(enum ksd_verdict v)
{
	return v == KSD_VERDICT_OK ? "ok" : v == KSD_VERDICT_FIX ? "fix-needed" : "undetermined";
}

void words_vset(char *buf, size_t cap, ksd_vset s)
{
	size_t len = 0;
	buf[0] = '\0';
	for (int v = 1; v <= KSD_STORAGE_MAX && len + 1 < cap; v++) {
		if (!(s & KSD_VBIT(v)))
			continue;
		int w = v;
		while (w < KSD_STORAGE_MAX && (s & KSD_VBIT(w + 1)))
			w++;
		int n = w == v ? snprintf(buf + len, cap - len, "%s%d", len ? ", " : "", v)
		        : w == v + 1
		            ? snprintf(buf + len, cap - len, "%s%d, %d", len ? ", " : "", v, w)
		            : snprintf(buf + len, cap - len, "%s%d-%d", len ? ", " : "", v, w);
		if (n < 0 || (size_t)n >= cap - len)
			break;
		len += (size_t)n;
		v = w;
	}
}

void words_contradiction(char *buf, size_t cap, const struct ksd_instance *in, size_t i)
{
	const struct ksd_feature *f = &ksd_features[i];
	char set[96];
	if (in->obs[i] == KSD_OBS_PRESENT) {
		words_vset(set, sizeof(set), ksd_feature_allows(f, KSD_OBS_PRESENT, in->obs));
		snprintf(buf, cap, "%s: present, found only in version%s %s", f->label,
		         strpbrk(set, ",-") ? "s" : "", set[0] ? set : "(none)");
	} else {
		ksd_vset all = f->backend == KSD_STORAGE ? KSD_STORAGE_ALL : KSD_PERMISSION_ALL;
		words_vset(set, sizeof(set), ~ksd_feature_allows(f, KSD_OBS_ABSENT, in->obs) & all);
		snprintf(buf, cap, "%s: missing, expected in version%s %s", f->label,
		         strpbrk(set, ",-") ? "s" : "", set);
	}
}

size_t words_contradictions(const struct ksd_instance *in, size_t *idx, size_t max)
{
	bool seen[KSD_MAX_FEATURES] = {false};
	size_t n = 0;
	const struct ksd_backend_verdict *bvs[] = {&in->storage, &in->permission};
	for (int b = 0; b < 2; b++) {
		const struct ksd_backend_verdict *bv = bvs[b];
		if (!bv->present || bv->candidates)
			continue;
		for (int v = 1; v <= KSD_STORAGE_MAX; v++) {
			if (!(bv->nearest & KSD_VBIT(v)))
				continue;
			size_t found[KSD_MAX_FEATURES];
			size_t k = ksd_contradictions(in, b == 0 ? KSD_STORAGE : KSD_PERMISSION, v,
			                              found, KSD_MAX_FEATURES);
			for (size_t j = 0; j < k; j++)
				if (!seen[found[j]] && n < max) {
					seen[found[j]] = true;
					idx[n++] = found[j];
				}
		}
	}
	/* Back to table order, which groups related features. */
	for (size_t a = 1; a < n; a++)
		for (size_t c = a; c > 0 && idx[c - 1] > idx[c]; c--) {
			size_t t = idx[c];
			idx[c] = idx[c - 1];
			idx[c - 1] = t;
		}
	return n;
}
