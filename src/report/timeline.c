/* The timeline lines of --explain and the JSON array `timeline`: one event
 * each, its time as the dump spells it, or none. */
#include "ksd_report.h"
#include "report/timeline.h"

/* Its name in JSON: install, step, flush, guess, fails, dump. */
static const char *event_name(enum ksd_event_kind k)
{
	static const char *const names[] = {
	    [KSD_EV_INSTALL] = "install", [KSD_EV_STEP] = "step",   [KSD_EV_FLUSH] = "flush",
	    [KSD_EV_GUESS] = "guess",     [KSD_EV_FAILS] = "fails", [KSD_EV_DUMP] = "dump",
	};
	return names[k];
}

/* An event, without its time: "fresh install of version 26 (one version
 * row)", "version row 21: a step run on the wrong base". */
static void event_words(char *buf, size_t cap, const struct ksd_event *e)
{
	char v[32] = "a value that is no number";
	if (e->version > 0)
		snprintf(v, sizeof(v), "%d", e->version);
	switch (e->kind) {
	case KSD_EV_INSTALL:
		snprintf(buf, cap,
		         e->fresh ? "fresh install of version %s (one version row)"
		                  : "install at version 1 (created_at), then a chain of steps",
		         v);
		return;
	case KSD_EV_STEP:
		snprintf(buf, cap, "version row %s%s", v,
		         e->wrong_base ? ": a step run on the wrong base" : "");
		return;
	case KSD_EV_FLUSH:
		snprintf(buf, cap, "flush: the version rows were emptied");
		return;
	case KSD_EV_GUESS:
		snprintf(buf, cap, "kinto migrate starts from version %s", v);
		return;
	case KSD_EV_FAILS:
		snprintf(buf, cap, "the step to %s fails on the result", v);
		return;
	case KSD_EV_DUMP:
		snprintf(buf, cap, "pg_dump");
		return;
	}
	buf[0] = '\0';
}

void timeline_text(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_event *ev = in->events;
	size_t n = in->nevents;
	fputs("timeline     (times only where the dump records one)\n", out);
	for (size_t i = 0; i < n; i++) {
		char words[128];
		event_words(words, sizeof(words), &ev[i]);
		fprintf(out, "  %s", words);
		if (ev[i].time) {
			fputs(", at ", out);
			ksd_fput_safe(out, ev[i].time);
		}
		putc('\n', out);
	}
}

void timeline_json(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_event *ev = in->events;
	size_t n = in->nevents;
	fputs(", \"timeline\": [", out);
	for (size_t i = 0; i < n; i++) {
		fprintf(out, "%s{\"event\": \"%s\", \"time\": ", i ? ", " : "",
		        event_name(ev[i].kind));
		ksd_fput_json(out, ev[i].time);
		switch (ev[i].kind) {
		case KSD_EV_INSTALL:
			fprintf(out, ", \"version\": %d, \"fresh\": %s", ev[i].version,
			        ev[i].fresh ? "true" : "false");
			break;
		case KSD_EV_STEP:
			if (ev[i].version > 0)
				fprintf(out, ", \"version\": %d", ev[i].version);
			else
				fputs(", \"version\": null", out);
			fprintf(out, ", \"wrong_base\": %s", ev[i].wrong_base ? "true" : "false");
			break;
		case KSD_EV_GUESS:
		case KSD_EV_FAILS:
			fprintf(out, ", \"version\": %d", ev[i].version);
			break;
		case KSD_EV_FLUSH:
		case KSD_EV_DUMP:
			break;
		}
		putc('}', out);
	}
	putc(']', out);
}
