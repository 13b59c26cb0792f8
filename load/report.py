"""Summarise a load run (make load): Locust's CSV, the server log, an SQL audit.

Writes a Markdown report (default bench/results/load.md) and prints it.
Exit status 1 when the SQL audit finds a duplicate return or credit note.
"""

import argparse
import csv
import json
import os
import re
from datetime import UTC, datetime

import psycopg2

# One receipt per compensation line, never more than the line's quantity back.
SQL_DUP_RETURNS = """
SELECT m.quality_compensation_line_id, count(DISTINCT m.picking_id),
       sum(m.product_uom_qty), max(l.quantity)
  FROM stock_move m
  JOIN stock_picking p ON p.id = m.picking_id
  JOIN stock_picking_type t ON t.id = p.picking_type_id
  JOIN quality_compensation_line l ON l.id = m.quality_compensation_line_id
 WHERE t.code = 'incoming' AND m.state != 'cancel'
 GROUP BY m.quality_compensation_line_id
HAVING count(DISTINCT m.picking_id) > 1 OR sum(m.product_uom_qty) > max(l.quantity)
"""
# At most one live credit note per refund/credit line of a proposal.
SQL_DUP_CREDIT_NOTES = """
SELECT am.quality_compensation_id, count(*),
       (SELECT count(*) FROM quality_compensation_line l
         WHERE l.compensation_id = am.quality_compensation_id
           AND l.compensation_type IN ('refund', 'credit'))
  FROM account_move am
 WHERE am.move_type = 'out_refund' AND am.state != 'cancel'
   AND am.quality_compensation_id IS NOT NULL
 GROUP BY am.quality_compensation_id
HAVING count(*) > (SELECT count(*) FROM quality_compensation_line l
                    WHERE l.compensation_id = am.quality_compensation_id
                      AND l.compensation_type IN ('refund', 'credit'))
"""
# A line points to one credit note, and no two lines share one.
SQL_SHARED_CREDIT_NOTES = """
SELECT account_move_id, count(*) FROM quality_compensation_line
 WHERE account_move_id IS NOT NULL GROUP BY account_move_id HAVING count(*) > 1
"""
SQL_DONE = {
    "return receipts of the return pool": """
        SELECT count(DISTINCT p.id) FROM stock_picking p
          JOIN stock_picking_type t ON t.id = p.picking_type_id
         WHERE t.code = 'incoming' AND p.state != 'cancel'
           AND p.quality_compensation_id = ANY(%(ret)s)""",
    "credit notes of the credit pool (draft)": """
        SELECT count(*) FROM account_move WHERE move_type = 'out_refund'
           AND state = 'draft' AND quality_compensation_id = ANY(%(cre)s)""",
    "credit notes of the credit pool (posted)": """
        SELECT count(*) FROM account_move WHERE move_type = 'out_refund'
           AND state = 'posted' AND quality_compensation_id = ANY(%(cre)s)""",
    "proposals of the approval pool now approved": """
        SELECT count(*) FROM quality_compensation
         WHERE state = 'approved' AND id = ANY(%(app)s)""",
    "tier reviews approved during the run (approval pool)": """
        SELECT count(*) FROM tier_review WHERE model = 'quality.compensation'
           AND status = 'approved' AND res_id = ANY(%(app)s)""",
    "complaints created by the load test": """
        SELECT count(*) FROM helpdesk_ticket
         WHERE name = 'Load: tiles cracked after laying'""",
}
RETRY_RE = re.compile(r"tries left|could not serialize|SerializationFailure", re.I)
SERIAL_RE = re.compile(r"serializ", re.I)
# werkzeug access line: "POST /json/2/model/method HTTP/1.1" 200 - queries sql other
ACCESS_RE = re.compile(
    r'"POST /json/2/(\S+?)/(\S+) HTTP/[\d.]+" (\d+) - (\d+) ([\d.]+) ([\d.]+)'
)


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def server_side(log):
    """Per model/method: calls, queries (median, max), server time p50/p95 (ms)."""
    calls = {}
    for ln in log:
        m = ACCESS_RE.search(ln)
        if m:
            model, method, _st, queries, sql_s, other_s = m.groups()
            row = calls.setdefault(f"{model}.{method}", ([], []))
            row[0].append(int(queries))
            row[1].append(1000 * (float(sql_s) + float(other_s)))
    lines = [
        "",
        "Server side, from the access log (queries per request; time = SQL + "
        "Python in the worker, without queueing):",
        "",
        "| call | requests | queries p50 | queries max | ms p50 | ms p95 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in sorted(calls):
        queries, ms = calls[name]
        lines.append(
            f"| {name} | {len(ms)} | {pct(queries, 50)} | {max(queries)} "
            f"| {pct(ms, 50):.0f} | {pct(ms, 95):.0f} |"
        )
    return lines


def fmt_ms(value):
    return f"{float(value):.0f}"


def main():
    ap = argparse.ArgumentParser()
    for name in ("--db", "--stats", "--failures", "--log", "--keys", "--out"):
        ap.add_argument(name, required=True)
    ap.add_argument("--users", default="30")
    ap.add_argument("--duration", default="120s")
    args = ap.parse_args()

    with open(args.stats, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    ops = [r for r in rows if r["Name"] != "Aggregated" and r["Type"] != "RACE"]
    races = {r["Name"]: int(r["Request Count"]) for r in rows if r["Type"] == "RACE"}
    total = sum(int(r["Request Count"]) for r in ops)
    failures = sum(int(r["Failure Count"]) for r in ops)
    lines = [
        f"# Load test ({datetime.now(UTC):%Y-%m-%d %H:%M} UTC)",
        "",
        f"{args.users} Locust clients over JSON-2 for {args.duration}, each "
        f"waiting {os.environ.get('LOAD_WAIT', '0.5,2.0').replace(',', '-')} s "
        "between actions, against Odoo `--workers=4` on 127.0.0.1 (database `"
        + args.db
        + "`). Times in ms. "
        "A write refused with a UserError (already approved / already "
        "credited) or a LockError (HTTP 409: another client holds the "
        "proposal row) is counted as *refused*, not as an error.",
        "",
        "| operation | requests | errors | refused | p50 | p95 | p99 | max |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in sorted(ops, key=lambda r: r["Name"]):
        lines.append(
            f"| {r['Name']} | {r['Request Count']} | {r['Failure Count']} "
            f"| {races.get(r['Name'], 0)} | {fmt_ms(r['50%'])} | {fmt_ms(r['95%'])} "
            f"| {fmt_ms(r['99%'])} | {fmt_ms(r['Max Response Time'])} |"
        )
    rate = 100.0 * failures / total if total else 0.0
    lines += [
        "",
        f"Requests: {total}, errors: {failures} ({rate:.3f} %), refused "
        f"writes: {sum(races.values())}.",
    ]
    targets = []
    for r in ops:
        limit = 500 if r["Name"].startswith("read:") else 2000
        if float(r["95%"]) >= limit:
            targets.append(f"{r['Name']} p95 {fmt_ms(r['95%'])} ms >= {limit} ms")
    if rate >= 0.1:
        targets.append(f"error rate {rate:.3f} % >= 0.1 %")
    lines.append(
        "Targets (p95 read < 500 ms, p95 write < 2 s, errors < 0.1 %): "
        + ("met." if not targets else "missed: " + "; ".join(targets) + ".")
    )
    try:
        with open(args.failures, encoding="utf-8") as fh:
            fails = list(csv.DictReader(fh))
    except FileNotFoundError:
        fails = []
    if fails:
        lines += ["", "Errors:", ""]
        for f in fails[:15]:
            lines.append(f"- {f['Name']} x{f['Occurrences']}: {f['Error'][:240]}")

    with open(args.log, encoding="utf-8", errors="replace") as fh:
        log = fh.read().splitlines()
    retries = sum(1 for ln in log if RETRY_RE.search(ln))
    serial = sum(1 for ln in log if SERIAL_RE.search(ln))
    errors = sum(1 for ln in log if " ERROR " in ln or " CRITICAL " in ln)
    lines += [
        "",
        f"Server log: {retries} retry lines, {serial} 'serializ…' lines, "
        f"{errors} ERROR/CRITICAL lines (a serialization failure is logged "
        "as ERROR by odoo.sql_db before Odoo retries the request).",
    ]
    lines += server_side(log)

    with open(args.keys, encoding="utf-8") as fh:
        pools = json.load(fh)["pools"]
    params = {"ret": pools["return"], "cre": pools["credit"], "app": pools["approve"]}
    conn = psycopg2.connect(dbname=args.db)
    dup = 0
    with conn, conn.cursor() as cr:
        lines += ["", "Documents after the run:", ""]
        for label, sql in SQL_DONE.items():
            cr.execute(sql, params)
            lines.append(f"- {label}: {cr.fetchone()[0]}")
        lines += ["", "SQL audit (queries in `load/report.py`):", ""]
        for label, sql in (
            ("compensation lines with more than one return receipt or "
             "more returned than the line", SQL_DUP_RETURNS),
            ("proposals with more live credit notes than refund/credit lines",
             SQL_DUP_CREDIT_NOTES),
            ("credit notes shared by two lines", SQL_SHARED_CREDIT_NOTES),
        ):  # fmt: skip
            cr.execute(sql)
            found = cr.fetchall()
            dup += len(found)
            lines.append(f"- {label}: {len(found)} {found[:5] if found else ''}")
    conn.close()
    text = "\n".join(lines) + "\n"
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)
    return 1 if dup else 0


if __name__ == "__main__":
    raise SystemExit(main())
