# The two commands of the README, and a few helpers. Each installs what is missing first.
#   make run     build, then open the player on the bundled courses
#   make test    build, then run every test
#   make package build, then cordee_VERSION_amd64.deb here (CPack, see packaging/CMakeLists.txt)
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: run test build deps lint bench package clean

deps:
	@tools/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/bin/cordee --courses courses

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

lint: build
	$(BUILD)/bin/cordee-lint courses

package: build
	cd $(BUILD) && cpack -G DEB

bench: build
	$(BUILD)/bin/cordee-bench

clean:
	rm -rf $(BUILD) build-sanitize build-fuzz cordee_*.deb
