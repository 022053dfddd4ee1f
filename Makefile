# Two commands (see README):  make demo   |   make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test browser screenshot models bench bench-alignment bench-speed bench-drift bench-names bench-quotes bench-batch bench-shortened bench-shortened-detector bench-omission bench-negation bench-detector bench-negation-drift calibrate fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and pinned: the CPU build, not a multi-GB CUDA download.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

models: $(STAMP)
	$(BIN)/consistency build-model

demo: models
	$(BIN)/consistency check seeds/source/000.en.txt seeds/faithful/000.fr.txt --fail-on never
	$(BIN)/consistency check seeds/source/000.en.txt seeds/drifted/000.ru.txt --fail-on never

# The browser tests must run, not skip, wherever `make test` runs (CI included).
test: models browser
	CONSISTENCY_REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q

# Debian's Chromium and its driver, for the HTML report's browser tests (nothing is downloaded by the tests).
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		sudo=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; \
	fi

# Regenerates docs/seed-report.png, the README's picture of the HTML report (not part of `make test`).
screenshot: models browser
	$(BIN)/python docs/screenshot.py

bench: bench-alignment bench-speed bench-drift
	$(BIN)/python -m bench.report

bench-drift: models
	mkdir -p bench/out
	$(BIN)/python -m bench.drift --json bench/out/drift.json

# The opt-in name check, on its own kinds (not part of `make bench` until it is a default check).
bench-names: models
	mkdir -p bench/out
	$(BIN)/python -m bench.drift --checks names --category name --from-english --json bench/out/names.json
	$(BIN)/python -m bench.report

# The opt-in quote check, on its own kinds, both directions (not part of `make bench` until it is a default check).
bench-quotes: models
	mkdir -p bench/out
	$(BIN)/python -m bench.drift --checks quotes --category quote --docs 48 --json bench/out/quotes.json
	$(BIN)/python -m bench.report

# How short (and how long) faithful translations run pair by pair, on articles outside every
# benchmark sample, and copies with a clause or a line dropped or a line inserted: the shortened
# check's COVER is read off this. It also collects every pair under the candidate cover, read
# both ways round, with its features (bench/out/shortened-candidates.json), on which the detector
# the shortened and lengthened checks share is trained and measured (bench-shortened-detector).
bench-shortened: models
	mkdir -p bench/out
	$(BIN)/python -m bench.shortened --docs 60 --json bench/out/shortened.json

bench-shortened-detector: bench-shortened
	$(BIN)/python -m bench.detector --check shortened --json bench/out/shortened-detector.json

# Sentences reported on faithful pairs, and dropped / inserted sentences found, on articles outside
# every benchmark sample: the aligner's length ratio and detach step were chosen by this.
bench-omission: models
	mkdir -p bench/out
	$(BIN)/python -m bench.omission --docs 40 --json bench/out/omission.json

# How far faithful translations and flipped ones lean towards the statement without a negation,
# on articles outside every benchmark sample: the negation check's MARGIN is read off this. It
# also collects every negation candidate's features (bench/out/negation-candidates.json), on which
# the drift detector is trained and measured out of fold, per held-out language pair and per
# held-out kind of flip (bench-detector).
bench-negation: models
	mkdir -p bench/out
	$(BIN)/python -m bench.negation --docs 75 --json bench/out/negation.json

bench-detector: bench-negation
	$(BIN)/python -m bench.detector --json bench/out/detector.json

# Where the drift benchmark's planted negations are lost: no candidate, or below the detector's
# threshold (each threshold against the untouched pairs' findings).
bench-negation-drift: models
	mkdir -p bench/out
	$(BIN)/python -m bench.negation_drift --json bench/out/negation-drift.json

# The same measures, then each language pair's negation margin and the negation and shortened
# (shared by the lengthened check) detectors (each with its threshold) written to consistency/calibrations/ (committed: a few kilobytes, and NTREX-128 is not there on
# every machine the tool runs on), with each language's characters per English character (the
# length checks' ratio for an article too short to give its own).
calibrate: models
	mkdir -p bench/out
	$(BIN)/python -m bench.lengths --docs 60 --json bench/out/lengths.json --calibrate
	$(BIN)/python -m bench.negation --docs 75 --json bench/out/negation.json --calibrate
	$(BIN)/python -m bench.detector --json bench/out/detector.json --calibrate
	$(BIN)/python -m bench.shortened --docs 60 --json bench/out/shortened.json
	$(BIN)/python -m bench.detector --check shortened --json bench/out/shortened-detector.json --calibrate

bench-alignment: models
	mkdir -p bench/out
	$(BIN)/python -m bench.alignment --json bench/out/alignment.json

# 200 NTREX article pairs through `consistency batch --jobs 2`, then again with --resume.
bench-batch: models
	mkdir -p bench/out
	$(BIN)/python -m bench.batch --pairs 200 --jobs 2 --json bench/out/batch.json

bench-speed: models
	mkdir -p bench/out
	$(BIN)/python -m bench.speed --json bench/out/speed.json

# Coverage-guided fuzzing (atheris) of the figure and quotation parsers, FUZZ_SECONDS each
# (README, "Limits and guarantees"); a crash or an input over 10 s stops it and is kept in fuzz/out/.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= figures quotes
fuzz: $(STAMP)
	$(BIN)/pip install --quiet -e '.[fuzz]'
	for target in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/out/$$target; \
		$(BIN)/python -m fuzz.targets $$target -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 \
			-print_final_stats=1 -artifact_prefix=fuzz/out/ fuzz/out/$$target seeds/source seeds/faithful seeds/drifted \
			> fuzz/out/$$target.log 2>&1; status=$$?; \
		echo "$$target:"; grep -E '^(Done|stat::number_of_executed_units|stat::slowest_unit_time_sec|stat::peak_rss_mb)|DONE' fuzz/out/$$target.log; \
		[ $$status -eq 0 ] || { tail -40 fuzz/out/$$target.log; exit $$status; }; \
	done

clean:
	rm -rf $(VENV) models/multilingual-e5-small bench/out fuzz/out
