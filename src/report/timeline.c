/* The timeline lines of --explain and the JSON array `timeline`: one event
 * each, its time as the dump spells it, or none. */
#include "ksd_report.h"
#include "report/timeline.h"
#include "report/words.h"

void timeline_text(FILE *out, const struct ksd_instance *in)
{
	const struct ksd_event *ev = in->events;
	size_t n = in->nevents;
	fputs("timeline     (times only where the dump records one)\n", out);
	for (size_t i = 0; i < n; i++) {
		char words[128];
		words_event(words, sizeof(words), &ev[i]);
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
		        words_event_name(ev[i].kind));
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
