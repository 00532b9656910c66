"""schemathesis against the API's own OpenAPI document, in process (ASGI), on the example
database: generated requests, valid and invalid, never get a server error, and the answers
match the documented statuses, content types and schemas.

Each operation is driven by Hypothesis from ``operation.as_strategy()`` inside one ordinary
test (schemathesis' ``from_fixture`` helper does not run under pytest 9), with a bounded number
of examples so that the whole run stays under a minute.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from web_fixtures import shared_example_db

from mission_monitor.web.app import OPENAPI_URL, create_app

EXAMPLES = 20


@pytest.fixture(scope="module")
def operations(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> list:  # type: ignore[type-arg]
    app = create_app(shared_example_db(tmp_path_factory, examples_dir))
    schema = schemathesis.openapi.from_asgi(OPENAPI_URL, app)
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_openapi_document(
    operations: list,
    mode: GenerationMode,  # type: ignore[type-arg]
) -> None:
    paths = {op.path for op in operations}
    assert {"/api/v1/facts", "/api/v1/documents", "/api/v1/status"} <= paths
    for operation in operations:
        if (
            mode == GenerationMode.NEGATIVE
            and not operation.query
            and not operation.path_parameters
        ):
            continue  # nothing to get wrong: /health takes no parameter

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate()

        run()
