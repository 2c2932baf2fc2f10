"""ninjs documents against the IPTC's schemas shipped with the wire."""

from __future__ import annotations

import pytest
from django.utils import translation

from newsdesk.wire import schema

from .documents import FIXTURES, load, story


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("path", sorted(p.name for p in (FIXTURES / "valid").glob("*.json")))
def test_our_valid_examples_are_valid(path):
    assert schema.check(load(f"valid/{path}")) == []


@pytest.mark.parametrize("path", sorted(p.name for p in (FIXTURES / "invalid").glob("*.json")))
def test_our_invalid_examples_are_not(path):
    assert schema.check(load(f"invalid/{path}"))


def test_the_document_names_its_schema():
    assert schema.version_of(story(standard={"name": "ninjs", "version": "3.0"})) == "3.0"
    assert schema.version_of(story(standard={"name": "ninjs", "version": "3.1.2"})) == "3.1"
    assert schema.version_of({"uri": "urn:x"}) == "3.1"
    assert schema.check(story(standard={"name": "ninjs", "version": "3.0"})) == []


def test_ninjs_2_is_refused_by_its_version():
    [problem] = schema.check(story(standard={"name": "ninjs", "version": "2.2"}))
    assert problem.path == "/standard/version"
    assert "2.2" in problem.message


@pytest.mark.parametrize(
    ("document", "path", "message"),
    [
        ([], "", "A ninjs document is a JSON object."),
        ({"type": "text"}, "", "Required property missing: uri."),
        (story(urgency="high"), "/urgency", "Must be of JSON type integer."),
        (story(pubStatus="killed"), "/pubStatus", "Must be one of: usable, withheld, canceled."),
        (story(extra=1, more=2), "", "Property not defined by ninjs: extra, more."),
        (
            story(headlines=[{"value": "x", "colour": "red"}]),
            "/headlines/0",
            "Property not defined by ninjs: colour.",
        ),
    ],
)
def test_errors_name_the_property_and_the_rule(document, path, message):
    problems = schema.check(document)
    assert [(p.path, p.message) for p in problems] == [(path, message)]


def test_many_errors_are_summed_up():
    document = story(**{f"unknown{n}": n for n in range(3)})
    document["headlines"] = [{"value": n} for n in range(30)]
    problems = schema.check(document)
    assert len(problems) == schema.MAX_ERRORS + 1
    assert problems[-1].message.startswith("… and ")


def test_a_pointer_escapes_slashes_and_tildes():
    assert schema.pointer(["a/b", "c~d", 0]) == "/a~1b/c~0d/0"
