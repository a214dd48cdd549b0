"""Evidence packs: one transaction's record, the data and rule versions it used, its reviews
and its audit rows, as JSON and as a readable HTML report (15 CFR Part 762 recordkeeping)."""

from __future__ import annotations

import html
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from sqlalchemy import select

import earmark
from earmark.errors import BadInput, NotFound
from earmark.rules.decision import ANSWER_FIELDS
from earmark.store import audit
from earmark.store import licenses as ls
from earmark.store.core import Store
from earmark.store.schema import audit_head, decisions, hit_reviews, recommendations, screenings


def export(
    store: Store,
    out: Path,
    decision_id: int | None = None,
    screening_id: int | None = None,
    application: str | None = None,
    pdf: bool = False,
) -> dict[str, Path]:
    """Write evidence.json and evidence.html (and evidence.pdf, the same page) into ``out``."""
    pack = build(store, decision_id, screening_id, application)
    written = {"json": out / "evidence.json", "html": out / "evidence.html"}
    try:
        out.mkdir(parents=True, exist_ok=True)
        written["json"].write_text(
            json.dumps(pack, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
        )
        written["html"].write_text(render_html(pack), encoding="utf-8")
        if pdf:
            from earmark.store.evidence_pdf import render_pdf

            written["pdf"] = out / "evidence.pdf"
            written["pdf"].write_bytes(render_pdf(pack))
    except OSError as exc:
        raise BadInput("out", f"cannot write to {out}: {exc.strerror}") from None
    with store.write() as tx:
        tx.note("audit.export", pack["subject"], {"head": pack["audit"]["head"]})
    return written


def build(
    store: Store, decision_id: int | None, screening_id: int | None, application: str | None
) -> dict[str, Any]:
    from earmark.regdata import load_regdata

    regdata = load_regdata()
    with store.read() as conn:
        if decision_id is not None:
            row = _one(conn, decisions, decision_id, "decision")
            record = {
                **row,
                "case": json.loads(row["case"]),
                "decision": json.loads(row["decision"]),
            }
            subject, entity, ids = f"decisions:{decision_id}", "decisions", [decision_id]
            names = [
                p.get("name") for p in record["case"].get("parties", []) if isinstance(p, dict)
            ]
        elif screening_id is not None:
            row = _one(conn, screenings, screening_id, "screening")
            record = {**row, "query": json.loads(row["query"]), "result": json.loads(row["result"])}
            subject, entity, ids = f"screenings:{screening_id}", "screenings", [screening_id]
            names = [row["name"]]
        else:
            record = ls.get_application(conn, str(application))
            recs = conn.execute(
                select(recommendations).where(recommendations.c.application_id == record["id"])
            ).mappings()
            record["recommendations"] = [dict(r) for r in recs]
            subject, entity, ids = f"applications:{record['id']}", "applications", [record["id"]]
            names = [p["name"] for p in record["parties"]]
        review_rows = [
            dict(r)
            for r in conn.execute(
                select(hit_reviews).where(hit_reviews.c.subject_name.in_([n for n in names if n]))
            ).mappings()
        ]
        trail = audit.history(conn, entity, ids)
        trail += audit.history(conn, "hit_reviews", [r["id"] for r in review_rows])
        check = audit.verify(conn)
        head = conn.execute(select(audit_head)).mappings().one()
    return {
        "subject": subject,
        "generated_at": audit.now(),
        "generated_by": store.actor,
        "earmark_version": earmark.__version__,
        "record": record,
        "reviews": review_rows,
        "data": {
            # The version the record was made with; the datasets below are those loaded when
            # the pack was made, which are the ones used only when the two versions agree.
            "recorded_data_version": record.get("data_version"),
            "data_version": regdata.version,
            "datasets_are_those_used": record.get("data_version") in (None, regdata.version),
            "datasets": [
                {"id": d.id, "title": d.title, "sha256": d.sha256, "source": asdict(d.provenance)}
                for d in regdata.datasets
            ],
            "timeline_sha256": regdata.manifest.get("timeline_sha256"),
        },
        "audit": {
            "records": sorted(trail, key=lambda r: r["seq"]),
            "head": {"seq": head["seq"], "hash": head["hash"]},
            "verified": check.to_dict(),
        },
    }


def _one(conn: Any, table: Any, row_id: int, field: str) -> dict[str, Any]:
    row = conn.execute(select(table).where(table.c.id == row_id)).mappings().one_or_none()
    if row is None:
        raise NotFound(field, f"no record {row_id}")
    return dict(row)


# -- the printable page: one list of blocks, rendered as HTML and as PDF ----------------------

# A run of text in a style: "" (plain), "b" (bold) or "code" (a hash, a version).
Span = tuple[str, str]
# A table cell: text, or a styled span.
Cell = str | Span
# A block of the page, in order:
#   ("title", text) ("h1", text) ("h2", text) ("p", [Span]) ("pre", text)
#   ("ol" | "ul", [[Span]]) ("fields", [(name, value)]) ("table", [heading], [[Cell]])
Block = tuple[Any, ...]

RECORD_CHARS = 20_000  # the record's JSON shown on the page (the pack's JSON has all of it)


def page_blocks(pack: dict[str, Any]) -> list[Block]:
    """The evidence page of a pack, block by block: what ``audit export`` writes as HTML, the
    UI shows, and :mod:`earmark.store.evidence_pdf` lays out as PDF."""
    record = pack["record"]
    data = pack["data"]
    blocks: list[Block] = [
        ("title", f"earmark evidence {pack['subject']}"),
        ("h1", f"Evidence: {pack['subject']}"),
        (
            "p",
            [
                (
                    "",
                    f"Generated {pack['generated_at']} by {pack['generated_by']}, earmark "
                    f"{pack['earmark_version']}. Recorded with data version ",
                ),
                ("code", str(data["recorded_data_version"])),
                ("", "; data loaded now "),
                ("code", str(data["data_version"])),
                ("", "."),
            ],
        ),
    ]
    decision = record.get("decision")
    if isinstance(decision, dict):
        blocks.append(("h2", "Decision"))
        blocks.append(
            ("fields", [(key, json.dumps(decision.get(key))) for key in ("date", *ANSWER_FIELDS)])
        )
        blocks.append(("h2", "Reasons"))
        reasons = []
        for r in decision.get("reasons", []):
            cite = f" ({r['citation']})" if r.get("citation") else ""
            reasons.append([("b", str(r["rule"])), ("", f"{cite}: {r['text']}")])
        blocks.append(("ol", reasons))
    blocks.append(("h2", "Record"))
    blocks.append(
        ("pre", json.dumps(record, indent=2, ensure_ascii=False, default=str)[:RECORD_CHARS])
    )
    blocks.append(("h2", "Reviews of screening hits"))
    blocks.append(
        (
            "table",
            ["id", "entry", "status", "reason", "reviewer", "when"],
            [
                [
                    str(r["id"]),
                    f"{r['list']} {r['entry_name']}",
                    str(r["status"]),
                    str(r.get("reason_code") or ""),
                    str(r.get("reviewer") or ""),
                    str(r.get("decided_at") or ""),
                ]
                for r in pack["reviews"]
            ],
        )
    )
    blocks.append(
        (
            "h2",
            "Data used"
            if data["datasets_are_those_used"]
            else "Data loaded now (not the version the record was made with)",
        )
    )
    blocks.append(
        (
            "ul",
            [
                [("", f"{d['id']}: {d['title']} sha256 "), ("code", str(d["sha256"]))]
                for d in data["datasets"]
            ],
        )
    )
    verified = pack["audit"]["verified"]
    head = pack["audit"]["head"]
    blocks.append(("h2", "Audit trail"))
    blocks.append(
        (
            "p",
            [
                (
                    "",
                    f"Chain {'verified' if verified['ok'] else 'ALTERED'} over "
                    f"{verified['records']} records; head {head['seq']} ",
                ),
                ("code", str(head["hash"])),
                ("", "."),
            ],
        )
    )
    blocks.append(
        (
            "table",
            ["seq", "at", "actor", "action", "hash"],
            [
                [
                    str(a["seq"]),
                    str(a["at"]),
                    str(a["actor"]),
                    str(a["action"]),
                    ("code", a["hash"]),
                ]
                for a in pack["audit"]["records"]
            ],
        )
    )
    return blocks


def render_html(pack: dict[str, Any], pdf_link: str | None = None) -> str:
    """The evidence page as HTML (every value escaped); ``pdf_link``: where the UI serves the
    same page as PDF."""
    e = html.escape

    def spans(items: list[Span]) -> str:
        out = []
        for style, text in items:
            out.append(f"<{style}>{e(text)}</{style}>" if style else e(text))
        return "".join(out)

    def cell(value: Cell) -> str:
        return spans([value]) if isinstance(value, tuple) else e(value)

    parts: list[str] = []
    for block in page_blocks(pack):
        kind = block[0]
        if kind == "title":
            parts += [
                "<!doctype html><html><head><meta charset='utf-8'>",
                f"<title>{e(block[1])}</title>",
                "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}"
                "td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}"
                "table{border-collapse:collapse}code{font-size:.85em;overflow-wrap:anywhere}"
                "</style></head><body>",
            ]
        elif kind in ("h1", "h2"):
            parts.append(f"<{kind}>{e(block[1])}</{kind}>")
            if kind == "h1" and pdf_link:
                parts.append(f"<p><a href='{e(pdf_link)}'>This page as PDF</a></p>")
        elif kind == "p":
            parts.append(f"<p>{spans(block[1])}</p>")
        elif kind == "pre":
            parts.append(f"<pre>{e(block[1])}</pre>")
        elif kind in ("ol", "ul"):
            items = "".join(f"<li>{spans(item)}</li>" for item in block[1])
            parts.append(f"<{kind}>{items}</{kind}>")
        elif kind == "fields":
            rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in block[1])
            parts.append(f"<table>{rows}</table>")
        elif kind == "table":
            head = "".join(f"<th>{e(h)}</th>" for h in block[1])
            rows = "".join(
                "<tr>" + "".join(f"<td>{cell(c)}</td>" for c in row) + "</tr>" for row in block[2]
            )
            parts.append(f"<table><tr>{head}</tr>{rows}</table>")
    parts.append("</body></html>\n")
    return "".join(parts)
