#!/bin/sh
# One answer per dump, whatever the output form. First, over the corpus
# (every KSD_ONE_ANSWER_SAMPLE-th dump, default 6, times KSD_SAMPLE under
# valgrind; 1 checks them all): the text report, --explain, JSON, --list and
# --sql exit with the same status, and the text and JSON give the same
# verdicts and the same restorability.
# Then archives made incomplete here from corpus archives written by pg_dump
# 15 (a directory missing a data file, its metadata's or another's; a tar
# missing a member; a custom archive cut inside a data block, with offsets
# and without, from a file and from a pipe): each is reported incomplete in
# every form (exit 4, the missing tables named, JSON restore.restorable
# false with restore.missing), the Kinto answer of the whole archive still
# given when the metadata's data is there; and the real pg_restore 15
# (KSD_PGBIN) agrees: it fails on the archive, and restores the rest with
# -L once the missing entries are left out, as the advice says.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
: "${KSD:?set KSD to the binary under test}"
python3 - "$KSD" "$top/testdata" "${KSD_PGBIN:-/usr/lib/postgresql/15/bin}/pg_restore" \
	"$((${KSD_ONE_ANSWER_SAMPLE:-6} * ${KSD_SAMPLE:-1}))" <<'PY'
import json, os, re, shutil, subprocess, sys, tarfile, tempfile

ksd, testdata, pg_restore, sample = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
failed = 0

def fail(msg):
    global failed
    failed += 1
    print('one-answer: ' + msg)

def run(args, stdin=None):
    p = subprocess.run([ksd] + args, capture_output=True, stdin=stdin)
    return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')

MODES = {'text': [], 'explain': ['--explain'], 'json': ['--format=json'], 'list': ['--list'],
         'sql': ['--sql']}

def verdicts_text(out):
    words = {'consistent': 'ok', 'fix needed': 'fix-needed', 'undetermined': 'undetermined'}
    return [words[m.group(1)] for m in
            re.finditer(r'^verdict +(consistent|fix needed|undetermined)', out, re.M)]

def restorable_text(out):
    return [not l.split(None, 1)[1].startswith('not as it is')
            for l in out.splitlines() if l.startswith('restore ')]

def answers(path, stdin_of=None):
    """Each form's (status, stdout, stderr); from a pipe when stdin_of names a file."""
    got = {}
    for mode, args in MODES.items():
        if stdin_of:
            with open(stdin_of, 'rb') as f:
                got[mode] = run(args + ['-'], stdin=f)
        else:
            got[mode] = run(args + [path])
    return got

def same_answer(label, got):
    """The same status everywhere; the text's verdicts and restorability are JSON's."""
    statuses = {m: r[0] for m, r in got.items()}
    if len(set(statuses.values())) != 1:
        fail('%s: exit statuses differ: %s' % (label, statuses))
    objs = [json.loads(l) for l in got['json'][1].splitlines() if l.strip()]
    text = got['text'][1]
    if [o['status'] for o in objs] != verdicts_text(text):
        fail('%s: JSON status %s, text verdicts %s'
             % (label, [o['status'] for o in objs], verdicts_text(text)))
    if [o['restore']['restorable'] for o in objs] != restorable_text(text):
        fail('%s: JSON restorable %s, text restore lines %s'
             % (label, [o['restore']['restorable'] for o in objs], restorable_text(text)))
    return objs

# ---- Every corpus dump (sampled): one answer in every form -------------------
dumps = []
for d in sorted(os.listdir(testdata)):
    full = os.path.join(testdata, d)
    if not os.path.isdir(full) or d in ('sql', 'restore'):
        continue
    for f in sorted(os.listdir(full)):
        if re.search(r'\.(sql(\.[a-z0-9]+)?|dump|tar|dir|custom)$', f):
            dumps.append(os.path.join(full, f))
checked = 0
for i, path in enumerate(dumps):
    if i % sample:
        continue
    checked += 1
    same_answer(os.path.relpath(path, testdata), answers(path))
print('one-answer: %d of %d corpus dumps give one answer in every form' % (checked, len(dumps)))

# ---- Incomplete archives, made here -------------------------------------------
src = os.path.join(testdata, 'pg15')
tmp = tempfile.mkdtemp()
live = os.access(pg_restore, os.X_OK)

def whole_status(path):
    return [o['status'] for o in
            (json.loads(l) for l in run(['--format=json', path])[1].splitlines() if l)]

def data_entries(path):
    """dump id -> table of each TABLE DATA entry, from --list --toc."""
    out = run(['--list', '--toc', path])[1]
    return {int(m.group(1)): m.group(2) for m in
            re.finditer(r'^(\d+); \d+ \d+ TABLE DATA \S+ (\S+) ', out, re.M)}

def restore_live(label, path, missing_ids):
    """pg_restore fails on the archive and, with -L leaving the missing entries out,
    restores the rest."""
    if not live:
        return
    p = subprocess.run([pg_restore, '-f', os.devnull, path], capture_output=True, text=True)
    if p.returncode == 0:
        fail('%s: pg_restore restored it, the advice says it cannot' % label)
    listing = subprocess.run([pg_restore, '-l', path], capture_output=True, text=True).stdout
    keep = os.path.join(tmp, 'list')
    with open(keep, 'w') as f:
        for line in listing.splitlines():
            m = re.match(r'(\d+);', line)
            f.write((';' if m and int(m.group(1)) in missing_ids else '') + line + '\n')
    p = subprocess.run([pg_restore, '-L', keep, '-f', os.devnull, path],
                       capture_output=True, text=True)
    if p.returncode != 0:
        fail('%s: pg_restore -L without the missing entries failed: %s'
             % (label, p.stderr.strip()[:200]))

def check_incomplete(label, path, whole, missing, stdin_of=None):
    """Every form reports `missing` (dump id -> table) and exits 4; the verdicts are
    the whole archive's unless the metadata's data is missing."""
    got = answers(path, stdin_of)
    objs = same_answer(label, got)
    names = sorted(missing.values())
    for mode, (status, out, err) in got.items():
        if status != 4:
            fail('%s --%s: exit %d, not 4' % (label, mode, status))
        if len(err.splitlines()) != 1 or 'error (incomplete archive)' not in err:
            fail('%s --%s: stderr is not one incomplete-archive line: %s' % (label, mode, err[:300]))
        if mode in ('text', 'explain', 'list', 'sql'):
            line = [l for l in out.splitlines() if re.match(r'(-- )?missing:? ', l)]
            if len(line) != 1 or any(('.' + n) not in line[0] for n in names):
                fail('%s --%s: no missing line naming %s: %s' % (label, mode, names, line))
    for o in objs:
        r = o['restore']
        if r['restorable'] or not any(n.startswith('incomplete: ') for n in r['needs']):
            fail('%s: JSON restore says restorable: %s' % (label, r))
        if sorted(m['table'] for m in r.get('missing', [])) != names or \
                sorted(m['dump_id'] for m in r.get('missing', [])) != sorted(missing):
            fail('%s: JSON restore.missing %s, not %s' % (label, r.get('missing'), missing))
    want = ['undetermined'] * len(whole) if 'metadata' in names else whole
    if [o['status'] for o in objs] != want:
        fail('%s: verdicts %s, the whole archive gives %s' % (label, [o['status'] for o in objs], want))
    restore_live(label, stdin_of or path, set(missing))

cases = 0
# A directory archive without one data file: another table's, then the metadata's.
d = os.path.join(src, 'mig-v17.dir')
entries = data_entries(d)
whole = whole_status(d)
for table in ('records', 'metadata'):
    dump_id = next(i for i, t in entries.items() if t == table)
    copy = os.path.join(tmp, 'no-%s.dir' % table)
    shutil.copytree(d, copy)
    for f in os.listdir(copy):
        if f.split('.')[0] == str(dump_id):
            os.remove(os.path.join(copy, f))
    check_incomplete('directory without %s' % table, copy, whole, {dump_id: table})
    cases += 1

# A tar archive without the member of one table's data.
t = os.path.join(src, 'mig-v17.tar')
entries = data_entries(t)
dump_id = next(i for i, n in entries.items() if n == 'user_principals')
short = os.path.join(tmp, 'no-member.tar')
with tarfile.open(t) as i, tarfile.open(short, 'w', format=tarfile.USTAR_FORMAT) as o:
    for m in i.getmembers():
        if m.name != '%d.dat' % dump_id:
            o.addfile(m, i.extractfile(m))
check_incomplete('tar without %d.dat' % dump_id, short, whole_status(t), {dump_id: 'user_principals'})
cases += 1

# A custom archive cut inside the first data block after the metadata's: that
# block and the later ones are missing. With offsets, without (a pipe's), and
# without read from a pipe.
for name in ('mig-v17.dump', 'mig-v17.pipe.dump'):
    path = os.path.join(src, name)
    entries = data_entries(path)
    data = open(path, 'rb').read()
    at = {}
    for dump_id in entries:
        m = re.search(re.escape(b'\x01\x00' + dump_id.to_bytes(4, 'little')), data)
        at[dump_id] = m.start()
    order = sorted(entries, key=lambda i: at[i])
    k = order.index(next(i for i in order if entries[i] == 'metadata')) + 1
    if k >= len(order):
        fail('%s: the metadata block is the last one, nothing to cut after it' % name)
        continue
    end = at[order[k + 1]] if k + 1 < len(order) else len(data)
    cut = os.path.join(tmp, 'cut-' + name)
    with open(cut, 'wb') as f:
        f.write(data[:(at[order[k]] + end) // 2])
    missing = {i: entries[i] for i in order[k:]}
    check_incomplete('%s cut inside a data block' % name, cut, whole_status(path), missing)
    cases += 1
    if name == 'mig-v17.pipe.dump':
        check_incomplete('%s cut, from a pipe' % name, '-', whole_status(path), missing,
                         stdin_of=cut)
        cases += 1
shutil.rmtree(tmp)
print('one-answer: %d incomplete archives reported in every form%s'
      % (cases, '' if live else ' (no pg_restore at %s: not checked live)' % pg_restore))
sys.exit(1 if failed else 0)
PY
