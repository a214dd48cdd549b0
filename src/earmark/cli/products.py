"""Products and their classification (an ECCN checked against the CCL, or EAR99)."""

from __future__ import annotations

from typing import Annotated

import typer

from earmark.cli import render
from earmark.cli.options import Database, JsonFlag, User, emit_json, open_store, runtime

group = typer.Typer(help="Products and their classification (ECCN or EAR99).")


def register(app: typer.Typer) -> None:
    app.add_typer(group, name="products")


@group.callback(invoke_without_command=True)
def products_list(
    ctx: typer.Context, database: Database = None, user: User = None, json_out: JsonFlag = False
) -> None:
    """List products and their classification."""
    if ctx.invoked_subcommand is not None:
        return
    from earmark.store.records import list_products

    with open_store(database, user).read() as conn:
        rows = list_products(conn)
    if json_out:
        emit_json(rows)
        return
    render.table(
        f"{len(rows)} product(s)",
        ("id", "sku", "eccn", "description", "rationale"),
        ((p["id"], p["sku"], p["eccn"], p["description"], p["rationale"]) for p in rows),
    )


@group.command("add")
def products_add(
    sku: Annotated[str, typer.Option("--sku")],
    description: Annotated[str, typer.Option("--description")],
    eccn: Annotated[str, typer.Option("--eccn", help="ECCN or EAR99.")],
    rationale: Annotated[str, typer.Option("--rationale", help="Why it is classified so.")],
    database: Database = None,
    user: User = None,
    json_out: JsonFlag = False,
) -> None:
    """Store a product with its ECCN (checked against the CCL) and its rationale."""
    from earmark.store.records import add_product

    rt = runtime(database, user)
    row = add_product(rt.store(), sku, description, eccn, rationale, rt.regdata.ear.ccl)
    if json_out:
        emit_json(row)
        return
    render.say(f"product {row['id']} added: {row['sku']} classified {row['eccn']}")
