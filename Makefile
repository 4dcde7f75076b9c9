# make build: the jar, the C helper and ./minicontainer; make test: every test; make check: lint + tests.
JDK := $(shell scripts/find-jdk)
ifeq ($(JDK),)
$(error no JDK 25 or newer found: set JAVA_HOME or install one, e.g. temurin-25-jdk)
endif
COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
export JAVA_HOME := $(JDK)
# Maven 3.8 itself warns on Java 25 about Unsafe; that is noise, not our build.
export MAVEN_OPTS := --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED
MVN := mvn -q -B -Dgit.commit=$(COMMIT)
MVN_VERBOSE := mvn -B -Dstyle.color=never -Dgit.commit=$(COMMIT)
TARGET := $(CURDIR)/target

.PHONY: build test check clean demo bench bench-lifecycle bench-network

build:
	$(MVN) package -Dmaven.test.skip=true
	sed -e 's|@JAVA@|$(JDK)/bin/java|' -e 's|@TARGET@|$(TARGET)|g' -e 's|@LAUNCHER@|$(CURDIR)/minicontainer|' \
		scripts/minicontainer.in > minicontainer
	chmod +x minicontainer
	scripts/aot-train $(JDK)/bin/java $(TARGET)

test: build
	scripts/need-busybox
	$(MVN_VERBOSE) verify

check: build
	scripts/lint
	scripts/need-busybox
	$(MVN_VERBOSE) verify -Pcheck

demo: build
	scripts/need-busybox
	scripts/demo

bench: build
	bench/run

bench-lifecycle: build
	bench/lifecycle

bench-network: build
	bench/network

clean:
	rm -rf target minicontainer
