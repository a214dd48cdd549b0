"""earmark.rules: the EAR as rules, each beside its CFR section and the dates it is in force.

* :mod:`.case`: the case and its validation;
* :mod:`.jurisdiction`: subject to the EAR (734.3) and de minimis (734.4);
* :mod:`.fdp`: the Entity List foreign direct product rule (734.9(e), before 2022 736.2(b)(3)),
  its versions in ``data/fdp_rules.toml``;
* :mod:`.country_chart`: the Commerce Country Chart (738) and the embargoes (746);
* :mod:`.entity_list`: the Entity List (744.11), the Huawei TGL, the standards exception, the
  other end-user lists;
* :mod:`.engine`: the order of the analysis (Supplement No. 1 to Part 732).
"""

from typing import TYPE_CHECKING, Any

from earmark.rules.decision import Decision, Reason

if TYPE_CHECKING:
    from earmark.rules.engine import Engine, check_many

__all__ = ["Decision", "Engine", "Reason", "check_many"]


def __getattr__(name: str) -> Any:
    # The engine pulls in screening and pydantic: imported when first asked for, so that
    # commands which only read the lists start fast.
    if name in ("Engine", "check_many"):
        from earmark.rules import engine

        return getattr(engine, name)
    raise AttributeError(name)
