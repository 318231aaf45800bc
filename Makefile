# kinto-schema-doctor. `make check` and `make demo` install missing build
# dependencies first (scripts/install-deps), so both work on a fresh Debian.

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
DATADIR = $(PREFIX)/share/kinto-schema-doctor

CC ?= cc
PKGS = libarchive libpcre2-8 zlib liblz4 libzstd liblzma
# ISA-L's inflate decodes gzip plain dumps about twice as fast as zlib
# (bench/results.md); without it libarchive decodes them.
ISAL = $(shell pkg-config --exists libisal 2>/dev/null && echo libisal)
PKGS += $(ISAL)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

VERSION = 0.1.0
OPT ?= -O2
CFLAGS ?= $(OPT) -g
KSD_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -DKSD_VERSION='"$(VERSION)"' \
	-Wall -Wextra -Werror -Iinclude -Isrc $(PKG_CFLAGS) $(if $(ISAL),-DKSD_HAVE_ISAL) -MMD -MP

# BUILD is where objects go; the sanitizer build uses its own tree.
BUILD ?= build
BIN ?= kinto-schema-doctor
SAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

SRC = $(sort $(shell find src -name '*.c'))
LIB_SRC = $(filter-out src/main.c,$(SRC))
# Our SQL for the functions a repair installs and the table statements it
# runs again, embedded (scripts/embed-sql).
CANON_SQL = $(sort $(wildcard testdata/sql/functions/*.sql)) \
	$(sort $(wildcard testdata/sql/migrate/[0-9][0-9][0-9].sql))
GEN_OBJ = $(BUILD)/gen/canon_sql.o
LIB_OBJ = $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_OBJ)
TEST_SRC = $(sort $(wildcard tests/check_*.c))
# The test library: what the suites share, compiled once.
TEST_LIB_SRC = $(sort $(wildcard tests/lib/*.c))
TEST_OBJ = $(TEST_SRC:%.c=$(BUILD)/%.o) $(TEST_LIB_SRC:%.c=$(BUILD)/%.o)
TEST_BIN = $(BUILD)/check_ksd

.PHONY: all deps test check check-format check-layers check-unit check-e2e check-asan check-fuzz demo \
	check-matrix \
	testdata bench fuzz install uninstall clean format valgrind static static-link deb check-package \
	image wheel

all: $(BIN)

deps:
	@sh scripts/install-deps

$(BIN): $(BUILD)/src/main.o $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(KSD_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

$(BUILD)/gen/canon_sql.c: scripts/embed-sql $(CANON_SQL)
	@mkdir -p $(dir $@)
	sh scripts/embed-sql $(CANON_SQL) >$@.tmp && mv $@.tmp $@

$(GEN_OBJ): $(BUILD)/gen/canon_sql.c
	$(CC) $(CFLAGS) $(KSD_CFLAGS) -c -o $@ $<

# One Check suite per tests/check_<name>.c, each exporting <name>_suite().
$(BUILD)/suites.h: $(TEST_SRC)
	@mkdir -p $(BUILD)
	@for f in $(filter-out tests/check_main.c,$(TEST_SRC)); do \
		n=$${f#tests/check_}; echo "KSD_SUITE($${n%.c})"; done > $@

$(BUILD)/tests/check_main.o: $(BUILD)/suites.h
$(BUILD)/tests/check_main.o: KSD_CFLAGS += -I$(BUILD)

$(TEST_BIN): $(TEST_OBJ) $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(CHECK_LIBS) $(PKG_LIBS)

# The contributors' fast loop: build, unit and e2e tests; no package installs
# or builds, no sanitizers, no root needed (tests that need a server or a
# missing tool say so and skip). `make check` is the whole gate CI runs.
test: $(BIN) $(TEST_BIN)
	$(MAKE) check-unit check-e2e

check: deps
	$(MAKE) check-format
	$(MAKE) check-layers
	$(MAKE) check-unit check-e2e
	$(MAKE) check-package
	$(MAKE) check-asan
	$(MAKE) valgrind
	$(MAKE) check-fuzz

# Check's default 4 s per test is a speed claim, which a sanitizer build on a
# busy machine breaks (speed lives in make bench): a minute each.
check-unit: $(TEST_BIN)
	CK_DEFAULT_TIMEOUT=$${CK_DEFAULT_TIMEOUT:-60} KSD_TESTDATA=testdata $(TEST_BIN)

check-e2e: $(BIN)
	KSD=./$(BIN) sh tests/run-e2e.sh

# Every cell of the true x recorded version matrix (make check runs a
# sample): about 700 databases built, dumped, judged and healed on a server.
check-matrix: $(BIN)
	KSD=./$(BIN) KSD_MATRIX_STRIDE=1 sh tests/e2e/matrix.sh

# The matrix's server work is the same under the sanitizers: a smaller sample.
check-asan:
	KSD_MATRIX_STRIDE=97 $(MAKE) BUILD=build/asan BIN=build/asan/kinto-schema-doctor OPT=-O1 \
		CFLAGS="-O1 -g $(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" check-unit check-e2e

# The unit tests (in-process, no fork) and the e2e tests with the tool under
# valgrind: any invalid access or definite leak fails with status 99. Each
# run of the tool under valgrind takes a second or two, so the e2e tests
# take every 24th of their dumps (about 12 minutes; every 12th took 23 of
# CI's 62).
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
valgrind: $(TEST_BIN) $(BIN)
	CK_FORK=no CK_DEFAULT_TIMEOUT=600 KSD_TESTDATA=testdata $(VALGRIND) $(TEST_BIN)
	@mkdir -p $(BUILD)/valgrind
	@printf '#!/bin/sh\nexec %s "%s" "$$@"\n' '$(VALGRIND)' "$$(pwd)/$(BIN)" >$(BUILD)/valgrind/$(notdir $(BIN))
	@chmod +x $(BUILD)/valgrind/$(notdir $(BIN))
	KSD=$(BUILD)/valgrind/$(notdir $(BIN)) KSD_TRUNCATION_FILES=6 KSD_TRUNCATION_STRIDE=5 KSD_SAMPLE=24 KSD_SLOW=1 \
		sh tests/run-e2e.sh

# libFuzzer harnesses, one per tests/fuzz/<name>.c, built with clang and run
# FUZZ_SECONDS each over a corpus seeded from tests/fuzz/seeds/<name>/,
# testdata/ and the regression inputs. `make check` runs them briefly.
FUZZ_SECONDS ?= 10
FUZZ_SRC = $(sort $(wildcard tests/fuzz/*.c))
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = -O1 -g $(FUZZ_SAN) $(filter-out -MMD -MP,$(KSD_CFLAGS))
FUZZ_OBJ = $(LIB_SRC:%.c=build/fuzz/obj/%.o) build/fuzz/obj/gen/canon_sql.o
# The part of the test library that does not need Check.
FUZZ_LIB = build/fuzz/obj/tests/lib/feed.o build/fuzz/obj/tests/lib/analyse.o

build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

build/fuzz/obj/gen/canon_sql.o: $(BUILD)/gen/canon_sql.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB) $(FUZZ_OBJ)
	clang $(FUZZ_CFLAGS) -Itests -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB) $(FUZZ_OBJ) $(PKG_LIBS)

fuzz: deps
	$(MAKE) $(FUZZ_BIN)
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BIN)

# The short run of every harness that `make check` does (about a minute).
check-fuzz:
	$(MAKE) fuzz FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS)
CHECK_FUZZ_SECONDS ?= 12

demo: deps
	$(MAKE) all
	./$(BIN) testdata/demo/flushed-v17.sql; test $$? -le 2

testdata: all
	sh testdata/generate

bench: deps
	$(MAKE) all
	sh bench/run

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/kinto-schema-doctor
	install -m 755 bin/kinto-schema-doctor-live $(DESTDIR)$(BINDIR)/kinto-schema-doctor-live
	install -m 644 man/kinto-schema-doctor.1 $(DESTDIR)$(MANDIR)/kinto-schema-doctor.1
	install -m 644 man/kinto-schema-doctor-live.1 $(DESTDIR)$(MANDIR)/kinto-schema-doctor-live.1
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 644 completion/kinto-schema-doctor.bash $(DESTDIR)$(BASHCOMPDIR)/kinto-schema-doctor
	install -m 644 completion/_kinto-schema-doctor $(DESTDIR)$(ZSHCOMPDIR)/_kinto-schema-doctor
	install -d $(DESTDIR)$(DATADIR)
	install -m 644 man/kinto-schema-doctor.schema.json $(DESTDIR)$(DATADIR)/schema.json

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kinto-schema-doctor $(DESTDIR)$(MANDIR)/kinto-schema-doctor.1
	rm -f $(DESTDIR)$(BINDIR)/kinto-schema-doctor-live $(DESTDIR)$(MANDIR)/kinto-schema-doctor-live.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/kinto-schema-doctor $(DESTDIR)$(ZSHCOMPDIR)/_kinto-schema-doctor
	rm -f $(DESTDIR)$(DATADIR)/schema.json
	-rmdir $(DESTDIR)$(DATADIR) 2>/dev/null

# make static: one file that needs no shared library, for a bastion host or a
# minimal container. The same objects, linked with -static; the libraries come
# from pkg-config --static, minus the private ones of libarchive that only its
# parts we never call use (xml2: the xar reader; nettle: the digests of zip,
# 7z, xar and mtree; acl: ACLs on disk), so their -dev packages are not needed.
# Debian ships no static libisal, so the objects are built again without it,
# in their own tree: the static binary decodes gzip through libarchive.
STATIC_BIN = kinto-schema-doctor-static
STATIC_UNUSED = -lxml2 -lnettle -lacl
STATIC_LIBS = $(filter-out $(STATIC_UNUSED),$(shell pkg-config --static --libs $(PKGS) 2>/dev/null))

static: $(STATIC_BIN)

$(STATIC_BIN): FORCE
	$(MAKE) --no-print-directory BUILD=$(BUILD)/static ISAL= static-link

static-link: $(BUILD)/src/main.o $(LIB_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -static -o $(STATIC_BIN) $^ $(STATIC_LIBS)

FORCE:

# make deb: the Debian package (debian/), built by dpkg-buildpackage in a copy
# of the tree (less what .gitignore names) under build/deb/, because it writes
# its results beside the tree it builds and cleans that tree with make clean;
# the .deb lands in build/deb/ and `make clean` removes it all. The package
# builds with debian/rules' flags, not those of a make that runs this one.
DEB_DIR = build/deb
DEB_COPY = $(DEB_DIR)/kinto-schema-doctor-$(VERSION)

deb:
	rm -rf $(DEB_DIR)
	mkdir -p $(DEB_COPY)
	sed 's|^/|./|; s|/$$||' .gitignore >$(DEB_DIR)/exclude
	tar -cf - -X $(DEB_DIR)/exclude --exclude=./.git . | tar -xf - -C $(DEB_COPY)
	cd $(DEB_COPY) && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL dpkg-buildpackage -us -uc -b

# make image: the container image of Containerfile, FROM scratch with the
# static binary alone, built with podman, else buildah, from a context holding
# only that binary (build/image/); without either it says so and builds nothing.
IMAGE ?= kinto-schema-doctor:$(VERSION)
IMAGE_DIR = $(BUILD)/image

image: $(STATIC_BIN)
	rm -rf $(IMAGE_DIR)
	mkdir -p $(IMAGE_DIR)
	cp $(STATIC_BIN) $(IMAGE_DIR)/kinto-schema-doctor
	@if command -v podman >/dev/null 2>&1; then set -x; \
		podman build --build-arg VERSION=$(VERSION) -t $(IMAGE) -f Containerfile $(IMAGE_DIR); \
	elif command -v buildah >/dev/null 2>&1; then set -x; \
		buildah bud --build-arg VERSION=$(VERSION) -t $(IMAGE) -f Containerfile $(IMAGE_DIR); \
	else echo "make image: neither podman nor buildah is installed: no image built"; fi

# make wheel: a platform wheel (py3-none-manylinux2014_<arch>) whose scripts
# are the static binary and kinto-schema-doctor-live, built by Debian's python3-build and setuptools
# (no download: --no-isolation) from packaging/wheel/ with the Makefile's
# VERSION, into build/wheel/. Debian's python3 is asked by its path: the one
# first on PATH may be another, without Debian's modules.
WHEEL_DIR = $(BUILD)/wheel
WHEEL_PYTHON ?= /usr/bin/python3
WHEEL_PLATFORM = manylinux2014_$(shell uname -m)

wheel: $(STATIC_BIN)
	rm -rf $(WHEEL_DIR)
	mkdir -p $(WHEEL_DIR)/src
	sed 's/@VERSION@/$(VERSION)/' packaging/wheel/pyproject.toml >$(WHEEL_DIR)/src/pyproject.toml
	sed 's/@PLATFORM@/$(WHEEL_PLATFORM)/' packaging/wheel/setup.cfg >$(WHEEL_DIR)/src/setup.cfg
	cp packaging/wheel/README.md packaging/wheel/setup.py $(WHEEL_DIR)/src/
	cp $(STATIC_BIN) $(WHEEL_DIR)/src/kinto-schema-doctor
	cp bin/kinto-schema-doctor-live $(WHEEL_DIR)/src/
	cd $(WHEEL_DIR)/src && $(WHEEL_PYTHON) -m build --wheel --no-isolation --outdir .. >build.log 2>&1 || \
		{ cat build.log; exit 1; }
	@ls $(WHEEL_DIR)/*.whl

# The package (built, lintian, unpacked and run), the static binary (run in
# a minimal Debian root when debootstrap can make one), the container image
# and the wheel (each skipped, saying why, where its tools are missing):
# tests/package/.
check-package: $(BIN) $(STATIC_BIN)
	KSD=./$(BIN) sh tests/package/deb.sh
	KSD=./$(BIN) KSD_STATIC=./$(STATIC_BIN) sh tests/package/static.sh
	KSD=./$(BIN) sh tests/package/image.sh
	KSD=./$(BIN) sh tests/package/wheel.sh

# Every C file and header we write, tests and fuzz harnesses included.
FORMAT_SRC = $(sort $(shell find src include tests -name '*.[ch]' ! -path 'tests/fuzz/seeds/*'))

format:
	clang-format -i $(FORMAT_SRC)

check-format:
	clang-format --dry-run -Werror $(FORMAT_SRC)

# Dependencies point one way, lowest layer first (the table atop the script):
# the #include lines, and from the objects which file uses which file's
# functions. The script's self-test runs first.
check-layers: $(BUILD)/src/main.o $(LIB_OBJ)
	CC='$(CC)' sh scripts/check-layers-test
	python3 scripts/check-layers --objects $(BUILD)

clean:
	rm -rf build $(BIN) $(STATIC_BIN)

-include $(shell find $(BUILD) build/fuzz/obj -name '*.d' 2>/dev/null)
