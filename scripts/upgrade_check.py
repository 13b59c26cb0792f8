# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Snapshot and compare Odoo's own data around an uninstall and reinstall
of the quality addons (used by scripts/upgrade_check.sh).

    upgrade_check.py snapshot DB FILE
    upgrade_check.py compare DB FILE uninstalled|installed

The snapshot holds, for each core table, every row that is not data of our
addons (no XML id of theirs) with every column that our addons do not
define. ``compare`` fails (exit 1) when such a row is missing or changed.
One change is expected and only reported: a reference to a record of our
addons (a team or a channel of their data files), which Odoo sets to null
when the uninstall deletes that record. After the uninstall it also checks
that nothing of our addons is left behind (tables, columns, models, XML ids,
chatter, followers, activities, attachments).
"""

import json
import sys
from collections import Counter

import psycopg2

MODULES = (
    "quality_complaint",
    "quality_complaint_returns",
    "quality_complaint_loyalty",
)
TABLES = (
    "res_company",
    "res_partner",
    "res_users",
    "product_template",
    "product_product",
    "stock_warehouse",
    "stock_location",
    "stock_lot",
    "stock_picking",
    "stock_move",
    "stock_move_line",
    "stock_quant",
    "account_account",
    "account_journal",
    "account_move",
    "account_move_line",
    "account_payment",
    "account_partial_reconcile",
    "sale_order",
    "sale_order_line",
    "repair_order",
    "helpdesk_ticket_team",
    "helpdesk_ticket",
)
VOLATILE = {"write_date", "write_uid"}
SAMPLES = 5


def _connect(db):
    conn = psycopg2.connect(dbname=db)
    conn.set_session(readonly=True)
    return conn


def _our_models(cr):
    """Models our addons define (their ir.model has XML ids of ours only:
    the models they extend also get one, next to their own module's)."""
    cr.execute(
        """SELECT m.model FROM ir_model m
            WHERE EXISTS (SELECT 1 FROM ir_model_data d WHERE d.model = 'ir.model'
                             AND d.res_id = m.id AND d.module IN %s)
              AND NOT EXISTS (SELECT 1 FROM ir_model_data d
                               WHERE d.model = 'ir.model' AND d.res_id = m.id
                                 AND d.module NOT IN %s)""",
        [MODULES, MODULES],
    )
    return sorted(row[0] for row in cr.fetchall())


def _our_fields(cr):
    """{table: {column}} of the fields our addons add to other models."""
    cr.execute(
        """SELECT f.model, f.name FROM ir_model_fields f JOIN ir_model_data d
           ON d.model = 'ir.model.fields' AND d.res_id = f.id AND d.module IN %s
           WHERE f.store""",
        [MODULES],
    )
    fields = {}
    for model, name in cr.fetchall():
        fields.setdefault(model.replace(".", "_"), set()).add(name)
    return fields


def _only_our_fields(cr):
    """{table: [column]} of the stored fields only our addons define on
    the core tables: the uninstall drops these columns."""
    cr.execute(
        """SELECT f.model, f.name FROM ir_model_fields f
            WHERE f.store AND f.ttype NOT IN ('one2many', 'many2many')
              AND EXISTS (SELECT 1 FROM ir_model_data d
                           WHERE d.model = 'ir.model.fields' AND d.res_id = f.id
                             AND d.module IN %s)
              AND NOT EXISTS (SELECT 1 FROM ir_model_data d
                               WHERE d.model = 'ir.model.fields' AND d.res_id = f.id
                                 AND d.module NOT IN %s)""",
        [MODULES, MODULES],
    )
    fields = {}
    for model, name in cr.fetchall():
        table = model.replace(".", "_")
        if table in TABLES:
            fields.setdefault(table, []).append(name)
    return {t: sorted(cols) for t, cols in fields.items()}


def _filled(cr, columns):
    """{table.column: rows with a value} of our columns on core tables."""
    filled = {}
    for table, cols in sorted(columns.items()):
        existing = set(_columns(cr, table))
        for col in cols:
            if col in existing:
                cr.execute(
                    f'SELECT count(*) FROM "{table}" WHERE "{col}" IS NOT NULL'  # noqa: S608
                )
                filled[f"{table}.{col}"] = cr.fetchone()[0]
    return filled


def _owned(cr):
    """{table: [ids]} of the records created by our addons' data files."""
    cr.execute(
        """SELECT model, res_id FROM ir_model_data
            WHERE module IN %s AND res_id IS NOT NULL""",
        [MODULES],
    )
    owned = {}
    for model, res_id in cr.fetchall():
        owned.setdefault(model.replace(".", "_"), set()).add(res_id)
    return {table: sorted(ids) for table, ids in owned.items()}


def _foreign_keys(cr, table):
    """{column: (referenced table, on delete cascade)} of ``table``."""
    cr.execute(
        """SELECT a.attname, c.confrelid::regclass::text, c.confdeltype = 'c'
             FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.conrelid = %s::regclass""",
        [table],
    )
    return {col: (target, cascade) for col, target, cascade in cr.fetchall()}


def _columns(cr, table):
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = %s
            ORDER BY ordinal_position""",
        [table],
    )
    return [row[0] for row in cr.fetchall()]


def _table_exists(cr, table):
    cr.execute("SELECT to_regclass(%s)", [table])
    return cr.fetchone()[0] is not None


def _rows(cr, table, columns):
    cols = ", ".join(f'"{c}"::text' for c in columns)
    cr.execute(f'SELECT id, {cols} FROM "{table}"')  # noqa: S608 (catalog names)
    return {row[0]: list(row[1:]) for row in cr.fetchall()}


def snapshot(db, path):
    with _connect(db) as conn, conn.cursor() as cr:
        ours = _our_fields(cr)
        owned = {t: set(ids) for t, ids in _owned(cr).items()}
        our_columns = _only_our_fields(cr)
        snap = {
            "models": _our_models(cr),
            "tables": {},
            "our_columns": our_columns,
            "filled": _filled(cr, our_columns),
        }
        left_out = 0
        for table in TABLES:
            if not _table_exists(cr, table):
                continue
            fks = _foreign_keys(cr, table)
            columns = [
                c
                for c in _columns(cr, table)
                if c != "id" and c not in VOLATILE and c not in ours.get(table, ())
            ]
            cascades = [
                (columns.index(c), target)
                for c, (target, cascade) in fks.items()
                if cascade and c in columns
            ]
            rows = {}
            for rec_id, values in _rows(cr, table, columns).items():
                # our records, and the rows deleted with them (the lines of
                # a move of our demo data...), are ours
                if rec_id in owned.get(table, ()) or any(
                    values[i] is not None and int(values[i]) in owned.get(target, ())
                    for i, target in cascades
                ):
                    owned.setdefault(table, set()).add(rec_id)
                    left_out += 1
                else:
                    rows[str(rec_id)] = values
            snap["tables"][table] = {
                "columns": columns,
                "fks": {c: fks[c][0] for c in columns if c in fks},
                "rows": rows,
            }
        snap["owned"] = {t: sorted(ids) for t, ids in owned.items()}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(snap, f)
    total = sum(len(t["rows"]) for t in snap["tables"].values())
    print(  # noqa: T201
        f"[upgrade] snapshot: {total} rows of {len(snap['tables'])} core tables "
        f"({left_out} rows of our addons' data files left out)"
    )


def _compare_tables(cr, snap, stage):
    owned = {t: set(ids) for t, ids in snap["owned"].items()}
    errors, unlinked, counts = [], Counter(), []
    for table, data in snap["tables"].items():
        columns = data["columns"]
        now = _rows(cr, table, columns)
        missing = [i for i in data["rows"] if int(i) not in now]
        changed = []
        for rec_id, before in data["rows"].items():
            after = now.get(int(rec_id))
            if after is None or after == before:
                continue
            if stage == "installed" and table == "stock_quant":
                # the reinstalled demo data moves its own demo products
                # (kept at the uninstall) again
                product = before[columns.index("product_id")]
                if int(product) in owned.get("product_product", ()):
                    unlinked["stock_quant of our demo products, moved again"] += 1
                    continue
            for col, old, new in zip(columns, before, after, strict=True):
                if old == new:
                    continue
                target = data["fks"].get(col)
                if new is None and target and int(old) in owned.get(target, ()):
                    unlinked[f"{table}.{col}"] += 1
                else:
                    changed.append((rec_id, col, old, new))
        counts.append(
            f"{table} {len(data['rows'])}->{len(data['rows']) - len(missing)}"
        )
        if missing:
            errors.append(
                f"{table}: {len(missing)} rows gone, e.g. ids {missing[:SAMPLES]}"
            )
        if changed:
            errors.append(
                f"{table}: {len(changed)} values changed, e.g. "
                + "; ".join(
                    f"id {i} {c}: {o!r} -> {n!r}" for i, c, o, n in changed[:SAMPLES]
                )
            )
    return errors, unlinked, counts


def _leftovers(cr, models):
    """What our addons would leave behind after their uninstall."""
    checks = {
        "tables": (
            """SELECT count(*) FROM pg_tables
                WHERE schemaname = 'public' AND tablename IN %s""",
            [tuple(m.replace(".", "_") for m in models)],
        ),
        "columns quality_* on other tables": (
            """SELECT count(*) FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name LIKE 'quality%%'""",
            [],
        ),
        "models": ("SELECT count(*) FROM ir_model WHERE model IN %s", [tuple(models)]),
        "chatter messages": (
            "SELECT count(*) FROM mail_message WHERE model IN %s",
            [tuple(models)],
        ),
        "followers": (
            "SELECT count(*) FROM mail_followers WHERE res_model IN %s",
            [tuple(models)],
        ),
        "activities": (
            "SELECT count(*) FROM mail_activity WHERE res_model IN %s",
            [tuple(models)],
        ),
        "attachments": (
            "SELECT count(*) FROM ir_attachment WHERE res_model IN %s",
            [tuple(models)],
        ),
    }
    found = _dangling_xmlids(cr)
    for label, (query, params) in checks.items():
        cr.execute(query, params)
        n = cr.fetchone()[0]
        if n:
            found.append(f"{n} {label}")
    return found


def _kept_xmlids(cr):
    """XML ids of ours whose record Odoo kept at the uninstall because other
    data still refers to it: {xml id: exists}."""
    cr.execute(
        "SELECT module || '.' || name, model, res_id FROM ir_model_data "
        "WHERE module IN %s AND res_id IS NOT NULL",
        [MODULES],
    )
    kept = {}
    for xmlid, model, res_id in cr.fetchall():
        table = model.replace(".", "_")
        exists = False
        if _table_exists(cr, table):
            cr.execute(f'SELECT 1 FROM "{table}" WHERE id = %s', [res_id])  # noqa: S608
            exists = bool(cr.fetchone())
        kept[xmlid] = exists
    return kept


def _dangling_xmlids(cr):
    dangling = [x for x, exists in _kept_xmlids(cr).items() if not exists]
    return (
        [f"{len(dangling)} XML ids without record: {dangling[:SAMPLES]}"]
        if dangling
        else []
    )


def compare(db, path, stage):
    with open(path, encoding="utf-8") as f:
        snap = json.load(f)
    with _connect(db) as conn, conn.cursor() as cr:
        cr.execute(
            "SELECT name, state FROM ir_module_module WHERE name IN %s", [MODULES]
        )
        states = dict(cr.fetchall())
        want = "uninstalled" if stage == "uninstalled" else "installed"
        errors = [
            f"module {m} is {states.get(m)}, not {want}"
            for m in MODULES
            if states.get(m) != want
        ]
        table_errors, unlinked, counts = _compare_tables(cr, snap, stage)
        errors += table_errors
        kept = []
        filled = _filled(cr, snap["our_columns"])
        if stage == "uninstalled":
            errors += [f"left behind: {x}" for x in _leftovers(cr, snap["models"])]
            errors += [f"column {c} not dropped" for c in filled]
            kept = sorted(x for x, exists in _kept_xmlids(cr).items() if exists)
        else:
            errors += [
                f"column {c} missing after the reinstall"
                for c in snap["filled"]
                if c not in filled
            ]
    print(f"[upgrade] {stage}: rows kept {', '.join(counts)}")  # noqa: T201
    if unlinked:
        print(  # noqa: T201
            f"[upgrade] {stage}: expected changes (references to records of our "
            f"addons set to null...): {dict(unlinked)}"
        )
    if stage == "uninstalled":
        print(  # noqa: T201
            f"[upgrade] {stage}: our {len(snap['filled'])} columns on core tables "
            f"dropped, with their values: "
            + ", ".join(f"{c} ({n})" for c, n in snap["filled"].items() if n)
        )
    else:
        print(  # noqa: T201
            f"[upgrade] {stage}: our columns on core tables back, values "
            f"before -> now (only what the reinstalled demo data fills again): "
            + ", ".join(
                f"{c} {n}->{filled.get(c)}" for c, n in snap["filled"].items() if n
            )
        )
    if kept:
        print(  # noqa: T201
            f"[upgrade] {stage}: records of our demo data kept by Odoo because "
            f"other data refers to them: {', '.join(kept)}"
        )
    if errors:
        print(f"[upgrade] FAILED after {stage}:", *errors, sep="\n  ")  # noqa: T201
        return 1
    print(f"[upgrade] {stage}: Odoo's own data intact")  # noqa: T201
    return 0


def main(argv):
    if len(argv) >= 4 and argv[1] == "snapshot":
        return snapshot(argv[2], argv[3]) or 0
    if len(argv) == 5 and argv[1] == "compare":
        return compare(argv[2], argv[3], argv[4])
    print(__doc__)  # noqa: T201
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
