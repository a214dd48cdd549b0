"""Keys an input gives that its format does not define.

A misspelt key must not change an answer silently: a case with "partys" instead of "parties"
would be checked as a case without parties. Every input model (a case, a license
application, an amendment, a policy event) is walked against the raw JSON before it is
validated; an unknown key is bad input naming the key and the nearest known one, unless the
caller opts in to ignoring it (``--allow-unknown-fields``), and then the keys ignored are
listed in the output.
"""

from __future__ import annotations

import difflib
import types
import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from earmark.errors import BadInput


def unknown_fields(model: type[BaseModel], data: Any, where: str) -> list[tuple[str, str | None]]:
    """(path, nearest known key or None) for every key of ``data`` the model does not know,
    in nested models and lists of models too."""
    out: list[tuple[str, str | None]] = []
    _walk(model, data, where, out)
    return out


def check_fields(model: type[BaseModel], data: Any, where: str, allow: bool = False) -> list[str]:
    """The paths of the unknown keys of ``data``; BadInput for the first one unless ``allow``."""
    found = unknown_fields(model, data, where)
    if found and not allow:
        path, nearest = found[0]
        hint = (
            f"; did you mean {nearest}?"
            if nearest
            else f" (known here: {', '.join(_known(model, path))})"
        )
        more = f"; {len(found) - 1} more unknown" if len(found) > 1 else ""
        raise BadInput(path, f"unknown field{hint}{more}")
    return [path for path, _ in found]


def _known(model: type[BaseModel], path: str) -> list[str]:
    """The keys known where ``path`` points (for the message)."""
    parts = [p.split("[")[0] for p in path.split(".")[1:-1]]
    current = model
    for name in parts:
        nested = _nested(current).get(name)
        if nested is None:
            break
        current = nested
    return sorted(_names(current))


def _walk(model: type[BaseModel], data: Any, where: str, out: list[tuple[str, str | None]]) -> None:
    if not isinstance(data, dict):
        return
    known = _names(model)
    nested = _nested(model)
    for key, value in data.items():
        if not isinstance(key, str) or key not in known:
            out.append((f"{where}.{key}", _nearest(str(key), known)))
            continue
        child = nested.get(key)
        if child is None:
            continue
        if isinstance(value, list):
            for i, item in enumerate(value):
                _walk(child, item, f"{where}.{key}[{i}]", out)
        else:
            _walk(child, value, f"{where}.{key}", out)


@cache
def _names(model: type[BaseModel]) -> frozenset[str]:
    names = set()
    for name, info in model.model_fields.items():
        names.add(name)
        if info.alias:
            names.add(info.alias)
    return frozenset(names)


@cache
def _nested(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Field name -> the model its values are (or hold, in a list)."""
    out: dict[str, type[BaseModel]] = {}
    for name, info in model.model_fields.items():
        found = _model_in(info.annotation)
        if found is not None:
            out[info.alias or name] = found
            out[name] = found
    return out


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _nearest(key: str, known: frozenset[str]) -> str | None:
    lowered = {k.casefold(): k for k in known}
    if key.casefold() in lowered:
        return lowered[key.casefold()]
    close = difflib.get_close_matches(key.casefold(), sorted(lowered), n=1, cutoff=0.6)
    return lowered[close[0]] if close else None
