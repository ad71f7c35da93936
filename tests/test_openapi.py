"""The OpenAPI description, and schemathesis against a served store of the corpus: whatever the
description allows a client to send, the server answers without a server error (5xx), and
every analyst operation documents an example."""
from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from server import running_server
from styrgraf.api.analyst import DETAIL_MODELS, EXAMPLES, PAGE_MODELS, QueryList

# 503 is what a query cut off at its time limit answers; it is a documented outcome, not a crash
SERVER_ERRORS = {500, 501, 502, 504}


@pytest.fixture(scope="module")
def served(corpus_store):
    with running_server(corpus_store, "--timeout", "5") as base:
        yield base


def test_no_server_error(served):
    """Every operation, with up to 5 generated requests each (parameters the description
    allows, including odd strings and numbers)."""
    schema = schemathesis.openapi.from_url(served + "openapi.json")
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(max_examples=5, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def call(case):
            response = case.call(base_url=served.rstrip("/"), timeout=30)
            if response.status_code in SERVER_ERRORS:
                failures.append((case.method, case.formatted_path, case.query, response.status_code,
                                 response.text[:300]))

        call()
    assert operations > 30
    assert not failures, failures[:5]


def test_operation_ids_are_unique_and_analyst_operations_have_examples(served):
    doc = httpx.get(served + "openapi.json").json()
    ids = [op["operationId"] for item in doc["paths"].values() for op in item.values()
           if isinstance(op, dict) and "operationId" in op]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    missing = []
    for path, item in doc["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        op = item["get"]
        contents = op["responses"]["200"].get("content", {})
        # JSON, or the one media type an operation answers in (the iCalendar feed)
        content = contents.get("application/json") or (next(iter(contents.values())) if len(contents) == 1 else {})
        if not (content.get("example") or content.get("examples") or content.get("schema", {}).get("example")
                or _has_schema_example(doc, content.get("schema", {}))):
            missing.append(path)
    assert not missing, missing


def test_the_examples_are_valid_answers():
    """The OpenAPI examples (api/openapi_examples.json) validate against the response models."""
    for collection, example in EXAMPLES["collections"].items():
        PAGE_MODELS[collection].model_validate(example["page"])
        DETAIL_MODELS[collection].model_validate(example["detail"])
    assert set(EXAMPLES["collections"]) == set(PAGE_MODELS)
    QueryList.model_validate(EXAMPLES["queries"])
    assert EXAMPLES["search"]["items"] and {"iri", "label", "type"} <= set(EXAMPLES["search"]["items"][0])


def _has_schema_example(doc: dict, schema: dict) -> bool:
    ref = schema.get("$ref")
    if ref:
        schema = doc["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return bool(schema.get("example") or schema.get("examples"))
