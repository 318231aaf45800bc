#!/bin/sh
# Tar archives as people re-pack them: every corpus tar (testdata/pg*/),
# re-packed with its members shuffled, toc.dat last, owners 0/0 and a README
# added, gives the same --list and the same --format=json report as the
# original (but for the restore advice and the input name), from the file
# and from standard input; a tar without toc.dat says so in one line.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
python3 - "$KSD" "$top/testdata" "$t" <<'PY'
import io, json, os, random, re, subprocess, sys, tarfile

ksd, testdata, tmp = sys.argv[1:4]
failed = checked = 0

def fail(msg):
    global failed
    failed += 1
    print('tar-repack: ' + msg)

def repack(src, dst, seed, keep_toc=True):
    with tarfile.open(src) as t:
        members = [(m, t.extractfile(m).read()) for m in t.getmembers()]
    toc = [x for x in members if x[0].name == 'toc.dat']
    rest = [x for x in members if x[0].name != 'toc.dat']
    random.Random(seed).shuffle(rest)
    readme = tarfile.TarInfo('README')
    rest.append((readme, b're-packed by hand\n'))
    with tarfile.open(dst, 'w', format=tarfile.GNU_FORMAT) as o:
        for m, data in rest + (toc if keep_toc else []):
            info = tarfile.TarInfo(m.name)
            info.size, info.mtime, info.mode = len(data), m.mtime, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = 'root'
            o.addfile(info, io.BytesIO(data))

def run(args, stdin=None, cwd=None):
    r = subprocess.run([ksd] + args, capture_output=True, cwd=cwd,
                       stdin=open(stdin, 'rb') if stdin else None)
    return r.returncode, r.stdout.decode('utf-8', 'replace'), r.stderr.decode()

def comparable_json(out):
    objs = []
    for line in out.splitlines():
        o = json.loads(line)
        for k in ('input', 'restore'):
            o.pop(k, None)
        objs.append(o)
    return objs

def body(listing):
    return listing.split('\n', 1)[1] if '\n' in listing else listing

tars = [os.path.join(testdata, d, f) for d in sorted(os.listdir(testdata))
        if re.fullmatch(r'pg\d+', d) for f in sorted(os.listdir(os.path.join(testdata, d)))
        if f.endswith('.tar')]
# KSD_SAMPLE=N re-packs every Nth tar only (slow runs: valgrind).
sample = int(os.environ.get('KSD_SAMPLE', '1'))
tars = tars[sample - 1::sample]
for n, path in enumerate(tars):
    # The same name for both, which the fix script quotes.
    orig, copy = os.path.join(tmp, 'a', 'x.tar'), os.path.join(tmp, 'b', 'x.tar')
    os.makedirs(os.path.dirname(orig), exist_ok=True)
    os.makedirs(os.path.dirname(copy), exist_ok=True)
    with open(path, 'rb') as f, open(orig, 'wb') as o:
        o.write(f.read())
    repack(path, copy, n)
    rc0, list0, _ = run(['--list', path])
    rc1, list1, err1 = run(['--list', copy])
    rc2, list2, err2 = run(['--list', '-'], stdin=copy)
    checked += 1
    if (rc0, body(list0)) != (rc1, body(list1)):
        fail('%s: --list of the re-packed file differs (exit %d, %s)' % (path, rc1, err1.strip()))
    if (rc0, body(list0)) != (rc2, body(list2)):
        fail('%s: --list of the re-packed tar on stdin differs (exit %d, %s)'
             % (path, rc2, err2.strip()))
    j0 = run(['--format=json', 'x.tar'], cwd=os.path.dirname(orig))
    j1 = run(['--format=json', 'x.tar'], cwd=os.path.dirname(copy))
    if j0[0] != j1[0] or comparable_json(j0[1]) != comparable_json(j1[1]):
        fail('%s: the JSON report of the re-packed file differs' % path)

# Without toc.dat: one line naming the file and what is missing.
repack(tars[0], os.path.join(tmp, 'no-toc.tar'), 0, keep_toc=False)
rc, out, err = run([os.path.join(tmp, 'no-toc.tar')])
want = 'no toc.dat member in this tar archive: not a pg_dump tar archive'
if rc != 4 or len(err.splitlines()) != 1 or want not in err or 'no-toc.tar' not in err:
    fail('a tar without toc.dat: exit %d, %r' % (rc, err))
print('tar-repack: %d corpus tars re-packed and compared' % checked)
sys.exit(1 if failed else 0)
PY
