"""Requests drawn from the service's own ``/openapi.json``, for the fuzz tests.

The operations come from the document, so a new endpoint is fuzzed without a change here. Each
parameter and body is drawn from its JSON schema, and now and then broken: a value of another
type, a string one past its ``maxLength``, a number past its bound, a missing required field,
an unknown one, a body that is not JSON at all. ``hints`` add strategies by schema name (a
realistic record for ``PushItemIn``), ``overrides`` replace a parameter's strategy (a short
long-poll timeout).
"""

from __future__ import annotations

import contextlib
import json
import math
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import httpx
from hypothesis import strategies as st

from tests.stores import NOON

STAFF_TAG = "staff console"
# Streaming and long-poll endpoints, fuzzed like the others but with a short read window (the
# stream) or a short wait (the long-poll's ``timeout`` is drawn in ``SHORT_WAITS`` instead).
STREAMING = {("GET", "/v1/stream")}
SHORT_WAITS = {("GET", "/v1/wait"): "timeout"}
READ_WINDOW = 0.1  # seconds a stream is read before the client hangs up
MAX_TEXT = 40  # strings longer than this are drawn at their bound or one past it only

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.text(max_size=8), inner, max_size=3), max_leaves=6)  # fmt: skip
# Query and header values as a client could send them: any printable ASCII (httpx refuses more).
wild_words = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=24),
    st.sampled_from(["nan", "inf", "-inf", "-1", "1e309", "99999999999999999999", "0:0:0", ""]),
)
times = st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60).map(
    lambda minutes: (NOON + timedelta(minutes=minutes)).isoformat()
)


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    spec: dict[str, Any] = field(compare=False, hash=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.method, self.path)


class Drawn:
    """One request: path, query, headers and body (bytes, or None for no body). Not a dataclass:
    Hypothesis prints a dataclass field by field, a megabyte body and all."""

    def __init__(
        self, path: str, query: dict[str, str], headers: dict[str, str], body: bytes | None
    ) -> None:
        self.path, self.query, self.headers, self.body = path, query, headers, body

    def __repr__(self) -> str:  # a failing example as it was sent, a long body cut short
        body = self.body if self.body is None or len(self.body) < 600 else self.body[:600] + b"..."
        return f"Drawn({self.path!r}, query={self.query!r}, headers={self.headers!r}, {body=!r})"


def operations(doc: dict[str, Any], *, staff: bool = False) -> list[Operation]:
    """Every operation of the document that a kiosk's token may call (``staff``: those of the
    staff console instead, which refuse it)."""
    found = []
    for path, item in doc["paths"].items():
        for method, spec in item.items():
            if (STAFF_TAG in spec.get("tags", [])) == staff:
                found.append(Operation(method.upper(), path, spec))
    return found


class Schemas:
    """JSON schemas (as FastAPI writes them) to strategies, against ``doc``'s components."""

    def __init__(self, doc: dict[str, Any], hints: dict[str, st.SearchStrategy[Any]]) -> None:
        self.components: dict[str, Any] = doc.get("components", {}).get("schemas", {})
        self.hints = hints

    def value(self, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        """Mostly what the schema allows, one time in twelve not (broken on purpose)."""
        return mostly(self.valid(schema), st.deferred(lambda: self.broken(schema)))

    def valid(self, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            own = st.deferred(lambda: self.valid(self.components[name]))
            return own | self.hints[name] if name in self.hints else own
        if "anyOf" in schema:
            return st.one_of([self.valid(s) for s in schema["anyOf"]])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        kind = schema.get("type")
        if kind == "null":
            return st.none()
        if kind == "boolean":
            return st.booleans()
        if kind == "integer":
            low, high = schema.get("minimum"), schema.get("maximum")
            return st.integers(
                None if low is None else math.ceil(low), None if high is None else math.floor(high)
            )
        if kind == "number":
            return st.floats(schema.get("minimum"), schema.get("maximum"), allow_nan=False)
        if kind == "string":
            return self._string(schema)
        if kind == "array":
            most = min(schema.get("maxItems", 4), 4)
            items = self.value(schema.get("items", {}))
            return mostly(st.lists(items, min_size=1, max_size=most), st.just([]))
        if kind == "object" or "properties" in schema:
            return self._object(schema)
        return json_values  # no type: anything goes

    def broken(self, schema: dict[str, Any]) -> st.SearchStrategy[Any]:
        """A value the schema refuses (or, for an open schema, anything)."""
        target = self.components[schema["$ref"].rsplit("/", 1)[1]] if "$ref" in schema else schema
        edges: list[st.SearchStrategy[Any]] = [json_values]
        if "maxLength" in target:
            edges.append(st.just(target["maxLength"] + 1).map(lambda n: "7" * n))
        if "maximum" in target:
            edges.append(st.just(target["maximum"] + 1))
        if "minimum" in target:
            edges.append(st.just(target["minimum"] - 1))
        if "properties" in target:  # one required field left out, or an unknown one added
            edges.append(self._object(target).map(lambda d: dict(list(d.items())[1:])))
            edges.append(self._object(target).map(lambda d: {**d, "unknown_field": 1}))
        return st.one_of(edges)

    def _string(self, schema: dict[str, Any]) -> st.SearchStrategy[str]:
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        fmt = schema.get("format")
        if fmt == "date-time":
            return times
        if fmt == "uuid":
            return self.hints.get("uuid", st.uuids().map(str))
        if "pattern" in schema:
            drawn = st.from_regex(schema["pattern"], fullmatch=True)
        else:
            drawn = st.text(min_size=low, max_size=min(high or MAX_TEXT, MAX_TEXT))
        if high is not None and high > MAX_TEXT:  # the bound itself, not a megabyte of text
            drawn = drawn | st.just(high).map(lambda n: "a" * n)
        return drawn.filter(lambda s: low <= len(s) <= (high or len(s)))

    def _object(self, schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        props: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        fixed = {k: self.value(v) for k, v in props.items() if k in required}
        optional = {k: self.value(v) for k, v in props.items() if k not in required}
        drawn = st.fixed_dictionaries(fixed, optional=optional)
        if schema.get("additionalProperties") is True and not props:
            return st.dictionaries(st.text(max_size=12), json_values, max_size=4)
        return drawn

    def request(self, op: Operation) -> st.SearchStrategy[Drawn]:
        return _request(self, op)


@st.composite
def _request(draw: st.DrawFn, schemas: Schemas, op: Operation) -> Drawn:
    path, query, headers = op.path, {}, {}
    for param in op.spec.get("parameters", []):
        name, where = param["name"], param["in"]
        if SHORT_WAITS.get(op.key) == name:
            text = draw(mostly(st.floats(0, 0.2).map(str), wild_words.filter(_not_a_short_wait)))
        elif not param.get("required") and draw(st.booleans()):
            continue  # left out: its default
        else:
            text = draw(mostly(schemas.value(param["schema"]).map(_as_text), wild_words))
        if where == "path":
            path = path.replace("{" + name + "}", quote(text, safe="") or "x")
        elif where == "header":
            headers[name] = text
        else:
            query[name] = text
    body = None
    content = op.spec.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        drawn = draw(schemas.value(content["application/json"]["schema"]))
        body = draw(mostly(st.just(json.dumps(drawn).encode()), st.binary(max_size=64)))
    else:
        assert not content, f"{op.key}: fuzz this body's content type {list(content)} too"
    return Drawn(path, query, headers, body)


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``good`` eleven times in twelve; shrinks towards ``good``."""
    return st.integers(0, 11).flatmap(lambda n: bad if n == 11 else good)


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value)


def _not_a_short_wait(text: str) -> bool:
    """Not a number the long-poll would wait for (which would take up to a minute)."""
    try:
        seconds = float(text)
    except ValueError:
        return True
    return not 0.2 < seconds <= 55


def send(client: httpx.Client, op: Operation, drawn: Drawn, headers: dict[str, str]) -> int:
    """The request over real HTTP; a stream is read for ``READ_WINDOW`` and then dropped."""
    content_type = {"Content-Type": "application/json"} if drawn.body is not None else {}
    all_headers = {**headers, **content_type, **drawn.headers}
    options: dict[str, Any] = {"params": drawn.query, "headers": all_headers}
    if drawn.body is not None:
        options["content"] = drawn.body
    if op.key not in STREAMING:
        return client.request(op.method, drawn.path, timeout=10, **options).status_code
    timeout = httpx.Timeout(10, read=READ_WINDOW)
    with client.stream(op.method, drawn.path, timeout=timeout, **options) as answer:
        with contextlib.suppress(httpx.ReadTimeout):  # nothing within the window
            next(answer.iter_raw(), b"")  # the first page
        return answer.status_code
