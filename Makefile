# styrgraf: two commands on a fresh machine
#   make run    create the environment, ingest the bundled corpus, serve it on http://127.0.0.1:8000
#   make test   install what the tests need and run them
VENV   ?= .venv
PY     := $(VENV)/bin/python
SG     := $(VENV)/bin/styrgraf
STORE  ?= data/store
HOST   ?= 127.0.0.1
PORT   ?= 8000
# Debian packages the tests use: rapper (an independent RDF parser), Java (HermiT
# reasoner via owlready2), Chromium (browser tests), Virtuoso (a second SPARQL server)
TEST_DEBS := raptor2-utils default-jre-headless chromium chromium-driver virtuoso-opensource-7

.PHONY: run test install install-test install-bench frontend bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed frontend ontology/doc/index.html

# the ontology's HTML documentation (pyLODE), served at /ns
ontology/doc/index.html: ontology/styrgraf.ttl styrgraf/ontology_docs.py $(VENV)/.installed
	$(PY) -m styrgraf.ontology_docs ontology/doc

# the browser bundles of the pages (CodeMirror, Cytoscape) and Swagger UI for /docs from the npm
# registry, built into api/static/build/ (its contents are not tracked); without npm the pages still work, with a
# plain editor and graph, and /docs links the OpenAPI document instead
FRONTEND_SRC := frontend/package.json frontend/package-lock.json frontend/build.mjs $(wildcard frontend/src/*.js)
frontend: api/static/build/manifest.json

api/static/build/manifest.json: $(FRONTEND_SRC)
	@if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then \
	  cd frontend && npm ci --no-audit --no-fund --loglevel=error && node build.mjs; \
	else \
	  echo "note: npm (Node.js) not found: skipping the front-end build; the pages work without it,"; \
	  echo "      with a plain SPARQL editor and a static graph (Debian: apt-get install nodejs npm)"; \
	fi

run: install
	$(SG) ingest examples/corpus --store $(STORE)
	$(SG) serve --store $(STORE) --host $(HOST) --port $(PORT)

install-test: install
	@missing=""; for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "note: install$$missing (Debian) for the tests that need them"; fi; fi

test: install-test
	$(PY) -m pytest -q -n 2 --dist loadfile

# the quick benchmark (about 5 minutes): ingest of the bundled corpus (jobs 1 and 2, with and
# without SHACL), and /sparql next to oxigraph serve, a minimal FastAPI endpoint and
# rdflib-endpoint under wrk; the full runs are in BENCHMARKS.md
BENCH_DEBS := wrk

install-bench: install
	$(PY) -m pip install -q -e '.[test,bench]'
	@dpkg -s $(BENCH_DEBS) >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BENCH_DEBS) >/dev/null; \
	  else echo "note: install $(BENCH_DEBS) (Debian) for the serving benchmark"; fi; }

bench: install-bench
	$(PY) bench/ingest_bench.py --repeat 1 --corpus examples/corpus --json bench/results/ingest-quick.json
	$(PY) bench/serve_bench.py --quick --out bench/results/serve-quick.json

clean:
	rm -rf $(VENV) data *.egg-info api/static/build/* frontend/node_modules
