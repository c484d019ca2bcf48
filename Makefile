# The two commands of the README, and a few helpers. Each installs what is missing first.
#   make run     build, then open the player on the bundled courses
#   make test    build, then run every test
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: run test build deps lint bench clean

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

bench: build
	$(BUILD)/bin/cordee-bench

clean:
	rm -rf $(BUILD) build-sanitize build-fuzz
