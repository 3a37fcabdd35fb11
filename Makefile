# ferry's build.  `make` builds build/ferry; see README.md for the rest.
#   make check   install missing packages, build, run every test
#   make demo    install missing packages, build, run the bundled demo under ferry
#   make bench   ferry vs qemu-user vs native on bench/ kernels
#   make static  build/ferry-static

CC       ?= gcc
CROSS_CC ?= aarch64-linux-gnu-gcc
BUILD    := build
GEN      := $(BUILD)/gen

CFLAGS   ?= -O2 -g
CFLAGS   += -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare -Wno-missing-field-initializers \
            -fno-strict-aliasing -I. -I$(GEN) -MMD -MP -D_GNU_SOURCE
ifeq ($(CI),true)
CFLAGS   += -Werror
endif
LDLIBS   := -lelf -lpthread -lm
# capstone (-d in_asm/out_asm) is opened on first use (translator/disas.c);
# the static build links it in.
CAPSTONE_STATIC := -Wl,-u,cs_open,-u,cs_disasm,-u,cs_free,-u,cs_close -lcapstone

# Every .c under the component folders is part of ferry; the decoder
# generator and tests are separate programs.
COMPONENTS := translator frontends loader syscalls signals binfmt sysemu-lite
SRCS := $(filter-out frontends/decodegen/%,$(shell find $(COMPONENTS) -name '*.c' 2>/dev/null | sort))
OBJS := $(SRCS:%.c=$(BUILD)/obj/%.o)
LIB_OBJS := $(filter-out $(BUILD)/obj/loader/main.o,$(OBJS))

# Decoders generated from .decode specs: frontends/<isa>/<isa>_<part>.decode
# -> build/gen/<isa>/decode_<part>.c.inc
DECODE_SPECS := $(shell find frontends -name '*.decode' 2>/dev/null | sort)
DECODE_GEN := $(foreach s,$(DECODE_SPECS),$(GEN)/$(notdir $(patsubst %/,%,$(dir $(s))))/decode_$(lastword $(subst _, ,$(basename $(notdir $(s))))).c.inc)

DECODEGEN := $(BUILD)/decodegen
DECODEGEN_SRCS := $(wildcard frontends/decodegen/*.c)

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all check demo bench csmith difftest fuzz test-rootfs test-real static deps clean unit guest-tests install format-check
all: $(BUILD)/ferry

$(BUILD)/ferry: $(OBJS)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

# Frontend files include generated decoders.
$(BUILD)/obj/frontends/%.o: frontends/%.c | $(DECODE_GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c -o $@ $<

$(DECODEGEN): $(DECODEGEN_SRCS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^

define decode_rule
$(GEN)/$(notdir $(patsubst %/,%,$(dir $(1))))/decode_$(lastword $(subst _, ,$(basename $(notdir $(1))))).c.inc: $(1) $(DECODEGEN)
	@mkdir -p $$(dir $$@)
	$(DECODEGEN) --decode decode_$(lastword $(subst _, ,$(basename $(notdir $(1))))) -o $$@ $$<
endef
$(foreach s,$(DECODE_SPECS),$(eval $(call decode_rule,$(s))))

# Unit tests link against the library of every object but main, so each
# pulls in only the modules it uses.
$(BUILD)/libferry.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/libferry.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(BUILD)/libferry.a $(LDLIBS) -lcmocka

# ferry-static needs no shared library, so binfmt_misc (flag F) can run it
# inside chroots and containers: libelf.a (+ libz.a), libcapstone.a, libc.a.
# Not PIE: a static PIE applies ~80000 relocations (capstone's tables) at every start.
static: deps
	@$(MAKE) --no-print-directory $(BUILD)/ferry-static
$(BUILD)/ferry-static: $(OBJS)
	$(CC) $(CFLAGS) -static -no-pie -o $@ $(filter-out %/disas_dl.o,$^) $(CAPSTONE_STATIC) $(LDLIBS) -lz

deps:
	@sh tests/install-deps.sh

unit: $(UNIT_BINS)

check: deps
	@$(MAKE) --no-print-directory all unit $(DECODEGEN) $(BUILD)/ferry-static
	@sh tests/run-all.sh

demo: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p $(BUILD)/guest/aarch64
	$(CROSS_CC) -O2 -static -o $(BUILD)/guest/aarch64/demo tests/guest/aarch64/demo.c
	$(BUILD)/ferry $(BUILD)/guest/aarch64/demo

# Random C programs under ferry vs the reference: make csmith N=200 [SEED=1]
N ?= 100
SEED ?= 1
csmith: deps
	@$(MAKE) --no-print-directory all
	@sh tests/csmith/run.sh $(SEED) $(N)

# Random instruction sequences vs the reference: make difftest N=1000 [SEED=1] [SIMD_N=100000]
# [SCAN_N=10000] (N integer programs, SIMD_N FP/AdvSIMD sequences, SCAN_N random FP/AdvSIMD
# instruction words; by default 100 and 10 per integer program)
SIMD_N ?= $(shell echo $$(($(N) * 100)))
SCAN_N ?= $(shell echo $$(($(N) * 10)))
difftest: deps
	@$(MAKE) --no-print-directory all
	@sh tests/diff/run.sh $(SEED) $(N); a=$$?; sh tests/diff/run_simd.sh $(SEED) $(SIMD_N); \
	b=$$?; sh tests/diff/scan_simd.sh $(SEED) $(SCAN_N) && [ $$a$$b = 00 ]

# Random code pages and random system calls under ferry (crashes, hangs, internal errors) and vs
# the reference: make fuzz N=100 [SEED=1] [PAGES=2000] [SYS_PAGES=500] (N seeds)
PAGES ?= 2000
SYS_PAGES ?= 500
fuzz: deps
	@$(MAKE) --no-print-directory all
	@sh tests/fuzz/run.sh $(SEED) $(N) $(PAGES) $(SYS_PAGES)

# Foreign root filesystem under binfmt_misc (root, network): debootstrap second stage in a chroot
test-rootfs: deps
	@$(MAKE) --no-print-directory all $(BUILD)/ferry-static
	@sh tests/rootfs/run.sh

# Real Debian arm64 programs (root, network): native vs ferry -L sysroot; make test-real [FILTER=name]
test-real: deps
	@$(MAKE) --no-print-directory all
	@sh tests/real/run.sh $(FILTER)

bench: deps
	@$(MAKE) --no-print-directory all
	@sh bench/run.sh

format-check:
	@clang-format --dry-run --Werror $(SRCS) $(DECODEGEN_SRCS) $(UNIT_SRCS) $(shell find $(COMPONENTS) tests -name "*.h" 2>/dev/null)

# make install [PREFIX=/usr/local] [DESTDIR=...]: ferry, ferry-static beside
# it (what `ferry binfmt install` registers by default) and the man page.
PREFIX ?= /usr/local
install: $(BUILD)/ferry $(BUILD)/ferry-static
	install -D -m 755 $(BUILD)/ferry $(DESTDIR)$(PREFIX)/bin/ferry
	install -D -m 755 $(BUILD)/ferry-static $(DESTDIR)$(PREFIX)/bin/ferry-static
	install -D -m 644 docs/ferry.1 $(DESTDIR)$(PREFIX)/share/man/man1/ferry.1

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
