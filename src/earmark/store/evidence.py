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
) -> dict[str, Path]:
    pack = build(store, decision_id, screening_id, application)
    try:
        out.mkdir(parents=True, exist_ok=True)
        json_path, html_path = out / "evidence.json", out / "evidence.html"
        json_path.write_text(json.dumps(pack, indent=2, ensure_ascii=False, default=str) + "\n")
        html_path.write_text(render_html(pack), encoding="utf-8")
    except OSError as exc:
        raise BadInput("out", f"cannot write to {out}: {exc.strerror}") from None
    with store.write() as tx:
        tx.note("audit.export", pack["subject"], {"head": pack["audit"]["head"]})
    return {"json": json_path, "html": html_path}


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


def render_html(pack: dict[str, Any]) -> str:
    e = html.escape
    record = pack["record"]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'>",
        f"<title>earmark evidence {e(pack['subject'])}</title>",
        "<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto}"
        "td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}"
        "table{border-collapse:collapse}code{font-size:.85em}</style></head><body>",
        f"<h1>Evidence: {e(pack['subject'])}</h1>",
        f"<p>Generated {e(pack['generated_at'])} by {e(pack['generated_by'])}, earmark "
        f"{e(pack['earmark_version'])}. Recorded with data version "
        f"<code>{e(str(pack['data']['recorded_data_version']))}</code>; data loaded now "
        f"<code>{e(pack['data']['data_version'])}</code>.</p>",
    ]
    decision = record.get("decision")
    if isinstance(decision, dict):
        parts.append("<h2>Decision</h2><table>")
        for key in ("date", *ANSWER_FIELDS):
            parts.append(f"<tr><th>{e(key)}</th><td>{e(json.dumps(decision.get(key)))}</td></tr>")
        parts.append("</table><h2>Reasons</h2><ol>")
        for r in decision.get("reasons", []):
            cite = f" ({e(r['citation'])})" if r.get("citation") else ""
            parts.append(f"<li><b>{e(r['rule'])}</b>{cite}: {e(r['text'])}</li>")
        parts.append("</ol>")
    parts.append("<h2>Record</h2><pre>")
    parts.append(e(json.dumps(record, indent=2, ensure_ascii=False, default=str)[:20000]))
    parts.append(
        "</pre><h2>Reviews of screening hits</h2><table><tr><th>id</th><th>entry</th>"
        "<th>status</th><th>reason</th><th>reviewer</th><th>when</th></tr>"
    )
    for r in pack["reviews"]:
        parts.append(
            f"<tr><td>{r['id']}</td><td>{e(r['list'])} {e(r['entry_name'])}</td>"
            f"<td>{e(r['status'])}</td><td>{e(str(r.get('reason_code') or ''))}</td>"
            f"<td>{e(str(r.get('reviewer') or ''))}</td>"
            f"<td>{e(str(r.get('decided_at') or ''))}</td></tr>"
        )
    same = pack["data"]["datasets_are_those_used"]
    parts.append(
        "</table><h2>Data used</h2><ul>"
        if same
        else "</table><h2>Data loaded now (not the version the record was made with)</h2><ul>"
    )
    for d in pack["data"]["datasets"]:
        parts.append(f"<li>{e(d['id'])}: {e(d['title'])} <code>{e(d['sha256'][:16])}</code></li>")
    verified = pack["audit"]["verified"]
    parts.append(
        f"</ul><h2>Audit trail</h2><p>Chain {'verified' if verified['ok'] else 'ALTERED'} over "
        f"{verified['records']} records; head {pack['audit']['head']['seq']} "
        f"<code>{e(pack['audit']['head']['hash'])}</code>.</p><table><tr><th>seq</th><th>at"
        "</th><th>actor</th><th>action</th><th>hash</th></tr>"
    )
    for a in pack["audit"]["records"]:
        parts.append(
            f"<tr><td>{a['seq']}</td><td>{e(a['at'])}</td><td>{e(a['actor'])}</td>"
            f"<td>{e(a['action'])}</td><td><code>{e(a['hash'][:16])}</code></td></tr>"
        )
    parts.append("</table></body></html>\n")
    return "".join(parts)
