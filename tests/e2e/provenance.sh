#!/bin/sh
# The JSON object `dump` of every corpus dump (testdata/pg13 ... pg19, every
# format) against what the dump says by other means: for archives, the header
# `pg_restore -l` prints (PostgreSQL 15's, KSD_PGBIN); for archive versions it
# refuses (1.16, from pg_dump 17, 18 and 19), a header decoder written here in
# Python from the archive layout, independent of the tool's; for plain dumps,
# the comments pg_dump writes (`Dumped from database version`, `Dumped by
# pg_dump version`, `Started on`, the DATABASE entry or `\connect`), read
# with the command-line decompressors. Prints how many files each way.
set -u
top=${KSD_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
pgbin=${KSD_PGBIN:-/usr/lib/postgresql/15/bin}
restore=$pgbin/pg_restore
[ -x "$restore" ] || {
	echo "provenance: no pg_restore at $restore, every archive header is decoded in Python"
	restore=
}
python3 - "$KSD" "$top/testdata" "$restore" <<'PY'
import json, os, re, struct, subprocess, sys, tarfile

ksd, testdata, restore = sys.argv[1], sys.argv[2], sys.argv[3]
failed, ways = 0, {'pg_restore -l': 0, 'python header': 0, 'plain comments': 0}

def fail(path, msg):
    global failed
    failed += 1
    print('provenance: %s: %s' % (path, msg))

def toc_bytes(path):
    if os.path.isdir(path):
        return open(os.path.join(path, 'toc.dat'), 'rb').read()
    if path.endswith('.tar'):
        with tarfile.open(path) as t:
            return t.extractfile('toc.dat').read()
    return open(path, 'rb').read(1 << 16)

def python_header(path):
    """The archive header, decoded from pg_dump's layout (archives 1.10 on)."""
    b = toc_bytes(path)
    assert b[:5] == b'PGDMP', 'no PGDMP magic'
    vmaj, vmin, vrev, isize, osize, fmt = b[5:11]
    at = 11
    def integer():
        nonlocal at
        sign, mag = b[at], int.from_bytes(b[at + 1:at + 1 + isize], 'little')
        at += 1 + isize
        return -mag if sign else mag
    def string():
        nonlocal at
        n = integer()
        if n < 0:
            return None
        s = b[at:at + n].decode()
        at += n
        return s
    if vmin >= 15:
        comp = ['none', 'gzip', 'lz4', 'zstd'][b[at]]
        at += 1
    else:
        comp = 'none' if integer() == 0 else 'gzip'
    sec, mn, hour, day, mon, year, _ = [integer() for _ in range(7)]
    created = '%04d-%02d-%02d %02d:%02d:%02d' % (year + 1900, mon + 1, day, hour, mn, sec)
    return {'archive_version': '%d.%d' % (vmaj, vmin), 'compression': comp,
            'created': created, 'database': string(), 'server_version': string(),
            'pg_dump_version': string(),
            'format': {1: 'custom', 3: 'tar'}.get(fmt)}

def restore_header(path):
    """The header as pg_restore -l prints it; None when it refuses the file."""
    r = subprocess.run([restore, '-l', path], capture_output=True, text=True)
    if r.returncode != 0:
        if 'unsupported version' in r.stderr:
            return None
        raise AssertionError('pg_restore -l failed: ' + r.stderr.strip())
    h = {}
    for line in r.stdout.splitlines():
        m = re.match(r';\s+(Archive created at|dbname:|Compression:|Dump Version:|Format:|'
                     r'Dumped from database version:|Dumped by pg_dump version:) ?(.*)$', line)
        if m:
            h[m.group(1)] = m.group(2)
    comp = h['Compression:']
    if re.fullmatch(r'-?\d+', comp):
        comp = 'none' if comp == '0' else 'gzip'
    return {'archive_version': re.sub(r'-\d+$', '', h['Dump Version:']),
            'compression': comp.split(' ')[0],
            # pg_restore adds its own time zone's name: the header has none.
            'created': h['Archive created at'][:19], 'database': h['dbname:'],
            'server_version': h.get('Dumped from database version:'),
            'pg_dump_version': h.get('Dumped by pg_dump version:'),
            'format': h['Format:'].lower()}

DECOMPRESS = {'.gz': ['gzip', '-dc'], '.bz2': ['bzip2', '-dc'], '.xz': ['xz', '-dc'],
              '.zst': ['zstd', '-dc'], '.lz4': ['lz4', '-dc']}

def plain_header(path):
    ext = os.path.splitext(path)[1]
    if ext in DECOMPRESS:
        text = subprocess.run(DECOMPRESS[ext] + [path], capture_output=True, check=True).stdout
    else:
        text = open(path, 'rb').read()
    text = text.decode('utf-8', 'replace')
    def first(pattern):
        m = re.search(pattern, text, re.M)
        return m.group(1).rstrip(' ') if m else None
    dumpall = text.startswith('--\n-- PostgreSQL database cluster dump')
    database = None
    if not dumpall:
        database = first(r'^-- Name: (.*); Type: DATABASE; Schema: ') or \
            first(r'^\\connect (\S+)$')
    return {'format': 'pg_dumpall' if dumpall else 'plain', 'archive_version': None,
            'compression': {'.gz': 'gzip', '.bz2': 'bzip2', '.xz': 'xz', '.zst': 'zstd',
                            '.lz4': 'lz4'}.get(ext, 'none'),
            'created': first(r'^-- Started on (.*)$'), 'database': database,
            'server_version': first(r'^-- Dumped from database version (.*)$'),
            'pg_dump_version': first(r'^-- Dumped by pg_dump version (.*)$')}

# KSD_SAMPLE=N checks every Nth dump only (slow runs: valgrind).
sample, seen = int(os.environ.get('KSD_SAMPLE', '1')), 0
for rel in sorted(os.listdir(testdata)):
    if not re.fullmatch(r'pg\d+', rel):
        continue
    for name in sorted(os.listdir(os.path.join(testdata, rel))):
        path = os.path.join(testdata, rel, name)
        seen += 1
        if seen % sample:
            continue
        r = subprocess.run([ksd, '--format=json', path], capture_output=True, text=True)
        lines = r.stdout.splitlines()
        if not lines:
            fail(path, 'no JSON output: ' + r.stderr.strip())
            continue
        got = json.loads(lines[0]).get('dump')
        try:
            if name.endswith(('.dump', '.tar', '.dir')):
                want = restore_header(path) if restore else None
                way = 'pg_restore -l'
                if want is None:
                    want, way = python_header(path), 'python header'
                if os.path.isdir(path):
                    want['format'] = 'directory'
            else:
                want, way = plain_header(path), 'plain comments'
        except Exception as e:
            fail(path, 'cannot read the header by other means: %s' % e)
            continue
        ways[way] += 1
        for k, v in want.items():
            if not isinstance(got, dict) or got.get(k) != v:
                fail(path, '%s: %s, %s says %s' % (k, json.dumps(got.get(k) if isinstance(
                    got, dict) else got), way, json.dumps(v)))
print('provenance: %s' % ', '.join('%d by %s' % (n, w) for w, n in ways.items()))
sys.exit(1 if failed else 0)
PY
