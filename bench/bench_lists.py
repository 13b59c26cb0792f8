"""Benchmark: the complaint list, kanban, pivot and dashboard on 100,000 complaints.

Run by `make bench` (scripts/bench.sh):
    python bench/bench_lists.py --config CONF --db DB

Installs quality_complaint_returns into the database when it is missing, fills
it once with 100,000 complaints (bench/complaint_data.py, shared with
bench_xlsx_export.py), then replays, warm (best of 5) with the SQL query count,
the RPCs the Odoo 19 web client sends when a user opens:
- Helpdesk > Quality Complaints as a list: web_search_read with the list view's
  fields specification (from get_views on the menu action), the action's domain,
  the model's default order, limit 80, count_limit 10001;
- the same list grouped by stage (web_read_group, folded groups) and with its
  first group opened;
- the kanban: web_read_group by stage with auto_unfold and the kanban fields
  specification (40 cards per column), plus read_progress_bar;
- Complaint Analysis: the pivot's formatted_read_grouping_sets with the pivot
  view's measures, row and column groupbys;
- each report of the Quality Dashboard (graph: formatted_read_group; pivot:
  formatted_read_grouping_sets; list: web_search_read).
as the admin user and as a complaint manager (record rules applied), then as
the admin again with our two helpdesk_ticket indexes dropped (inside the
transaction, rolled back): the before/after of the indexes. Prints a
markdown table, writes bench/results/lists.md. --explain prints EXPLAIN ANALYZE
of the slowest query of each case.
"""

import ast
import os
import sys
import time
from pathlib import Path

from common import argument_parser, open_registry
from complaint_data import bench_ids, generate
from lxml import etree

import odoo
from odoo.tools import SQL

RUNS = 5
ACTION = "quality_complaint.helpdesk_ticket_action_quality_complaint"
ANALYSIS = "quality_complaint.quality_complaint_report_action"
DASHBOARD = "quality_complaint.quality_complaint_dashboard_view_form"
USERS = ("base.user_admin", "quality_complaint.demo_user_sales_manager")
INDEXES = (
    "helpdesk_ticket_quality_list_order_index",
    "helpdesk_ticket_quality_stage_index",
)
RESULTS = Path(__file__).resolve().parent / "results" / "lists.md"


def parse_args():
    parser = argument_parser(__doc__)
    parser.add_argument("--explain", action="store_true")
    return parser.parse_args()


# ----------------------------------------------------------------------
# What the web client asks for, from the views
# ----------------------------------------------------------------------


def field_nodes(arch, view_type):
    """The <field> nodes the view loads (not those of sub-views)."""
    root = etree.fromstring(arch)
    nodes = []
    for node in root.iter("field"):
        parent, nested = node.getparent(), False
        while parent is not None and parent is not root:
            if parent.tag == "field":
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            nodes.append(node)
    return nodes


def fields_spec(arch, fields, view_type):
    """Specification as web's getFieldsSpec builds it (display_name of
    relations, color of colored tags)."""
    spec = {}
    for node in field_nodes(arch, view_type):
        name = node.get("name")
        field = fields.get(name)
        if not field:
            continue
        if field["type"] == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif field["type"] in ("one2many", "many2many"):
            sub = {"display_name": {}}
            options = ast.literal_eval(node.get("options") or "{}")
            if options.get("color_field"):
                sub[options["color_field"]] = {}
            spec[name] = {"fields": sub}
        else:
            spec.setdefault(name, {})
    return spec


def aggregates(arch, fields):
    """Column aggregates of a list (sum="..." / avg="...")."""
    result = []
    for node in field_nodes(arch, "list"):
        for agg in ("sum", "avg"):
            if node.get(agg) and node.get("name") in fields:
                result.append(f"{node.get('name')}:{agg}")
    return result


def pivot_info(arch, fields):
    root = etree.fromstring(arch)
    rows, cols, measures = [], [], []
    for node in root.iter("field"):
        name = node.get("name")
        spec = f"{name}:{node.get('interval')}" if node.get("interval") else name
        kind = node.get("type")
        if kind == "row":
            rows.append(spec)
        elif kind == "col":
            cols.append(spec)
        elif kind == "measure":
            measures.append(f"{name}:{fields[name].get('aggregator') or 'sum'}")
    return rows, cols, ["__count"] + measures


def grouping_sets(rows, cols):
    """The sets the pivot asks for when it opens: every prefix of the rows
    crossed with every prefix of the columns."""
    return [
        rows[:i] + cols[:j] for i in range(len(rows) + 1) for j in range(len(cols) + 1)
    ]


def load_views(env):
    action = env.ref(ACTION).sudo()
    domain = ast.literal_eval(action.domain or "[]")
    context = ast.literal_eval(action.context or "{}")
    Ticket = env["helpdesk.ticket"].with_context(**context)
    views = Ticket.get_views(
        [[False, "list"], [False, "kanban"], [False, "search"]],
        {"action_id": action.id, "load_filters": True},
    )
    fields = views["models"]["helpdesk.ticket"]["fields"]
    list_arch = views["views"]["list"]["arch"]
    kanban_arch = views["views"]["kanban"]["arch"]
    kanban_root = etree.fromstring(kanban_arch)
    progress = kanban_root.find("progressbar")
    analysis = env.ref(ANALYSIS).sudo()
    Report = env["quality.complaint.report"]
    report_views = Report.get_views([[False, "pivot"]], {"action_id": analysis.id})
    report_fields = report_views["models"]["quality.complaint.report"]["fields"]
    rows, cols, measures = pivot_info(
        report_views["views"]["pivot"]["arch"], report_fields
    )
    return {
        "domain": domain,
        "context": context,
        "list_spec": fields_spec(list_arch, fields, "list"),
        "list_aggregates": aggregates(list_arch, fields),
        "kanban_spec": fields_spec(kanban_arch, fields, "kanban"),
        "kanban_group_by": kanban_root.get("default_group_by"),
        "progress": progress is not None
        and {
            "field": progress.get("field"),
            "colors": ast.literal_eval(progress.get("colors")),
        },
        "pivot": (rows, cols, measures),
    }


def dashboard_calls(env):
    """One callable per report of the Quality Dashboard board."""
    board = etree.fromstring(env.ref(DASHBOARD).sudo().arch)
    calls = []
    for node in board.iter("action"):
        # the %(xmlid)d of the board is an id in the stored arch
        action = env["ir.actions.act_window"].sudo().browse(int(node.get("name")))
        domain = ast.literal_eval(node.get("domain") or "[]")
        context = ast.literal_eval(node.get("context") or "{}")
        model = env[action.res_model].with_context(**context)
        mode = node.get("view_mode")
        if mode == "graph":
            groupby = context["graph_groupbys"]

            def call(model=model, domain=domain, groupby=groupby):
                return model.formatted_read_group(domain, groupby, ["__count"])

        elif mode == "pivot":
            sets = grouping_sets(
                context.get("pivot_row_groupby", []),
                context.get("pivot_column_groupby", []),
            )
            measures = [
                m if m == "__count" else f"{m}:{model._fields[m].aggregator or 'sum'}"
                for m in context.get("pivot_measures", ["__count"])
            ]

            def call(model=model, domain=domain, sets=sets, measures=measures):
                return model.formatted_read_grouping_sets(domain, sets, measures)

        else:
            view = model.get_views([[False, "list"]])["views"]["list"]
            spec = fields_spec(view["arch"], model.fields_get(), "list")

            def call(model=model, domain=domain, spec=spec):
                return model.web_search_read(domain, spec, limit=80, count_limit=10001)

        calls.append((node.get("string"), call))
    return calls


def cases(env, info):
    Ticket = env["helpdesk.ticket"].with_context(info["context"], bin_size=True)
    domain = info["domain"]
    rows, cols, measures = info["pivot"]
    Report = env["quality.complaint.report"]
    group_by = info["kanban_group_by"]

    def list_view():
        return Ticket.web_search_read(
            domain, info["list_spec"], offset=0, limit=80, count_limit=10001
        )

    def grouped_list():
        return Ticket.with_context(read_group_expand=True).web_read_group(
            domain,
            ["stage_id"],
            info["list_aggregates"],
            limit=80,
            unfold_read_specification=info["list_spec"],
        )

    def grouped_list_open():
        first = grouped_list()["groups"][0]["stage_id"][0]
        return Ticket.with_context(read_group_expand=True).web_read_group(
            domain,
            ["stage_id"],
            info["list_aggregates"],
            limit=80,
            opening_info=[{"value": first, "folded": False, "limit": 80, "offset": 0}],
            unfold_read_specification=info["list_spec"],
        )

    def kanban():
        result = Ticket.with_context(read_group_expand=True).web_read_group(
            domain,
            [group_by],
            [],
            auto_unfold=True,
            unfold_read_specification=info["kanban_spec"],
            unfold_read_default_limit=40,
        )
        if info["progress"]:
            Ticket.read_progress_bar(domain, group_by, info["progress"])
        return result

    def pivot():
        return Report.formatted_read_grouping_sets(
            [], grouping_sets(rows, cols), measures
        )

    result = [
        ("complaint list (80 rows)", list_view),
        ("list grouped by stage", grouped_list),
        ("list grouped by stage, first group open", grouped_list_open),
        (f"kanban by {group_by} (40 cards per column)", kanban),
        (f"Complaint Analysis pivot ({', '.join(rows)} x {', '.join(cols)})", pivot),
    ]
    result += [(f"dashboard: {name}", call) for name, call in dashboard_calls(env)]
    return result


def measure(env, call):
    """Best of RUNS warm runs (after one warm-up): seconds, queries."""
    best, queries = None, None
    for run in range(RUNS + 1):
        env.invalidate_all()
        env.registry.clear_cache()  # no ormcache of previous run
        count = env.cr.sql_log_count
        started = time.perf_counter()
        call()
        elapsed = time.perf_counter() - started
        if run == 0:
            continue
        queries = env.cr.sql_log_count - count
        best = elapsed if best is None else min(best, elapsed)
    return best, queries


def explain(env, call):
    """EXPLAIN ANALYZE of the slowest SELECT of one run."""
    cr = env.cr
    slowest = []
    execute = type(cr).execute

    def timed(self, query, params=None, log_exceptions=True):
        started = time.perf_counter()
        res = execute(self, query, params, log_exceptions)
        slowest.append((time.perf_counter() - started, query, params))
        return res

    type(cr).execute = timed
    try:
        env.invalidate_all()
        call()
    finally:
        type(cr).execute = execute
    seconds, query, params = max(slowest, key=lambda row: row[0])
    if isinstance(query, SQL):
        query, params = query.code, query.params
    cr.execute(f"EXPLAIN ANALYZE {query}", params)
    return seconds, "\n".join(row[0] for row in cr.fetchall())


def run(registry, do_explain):
    """{case: {column: (seconds, queries)}}; the admin runs twice, the
    second time with our helpdesk_ticket indexes dropped (rolled back)."""
    results = {}
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        total = env["helpdesk.ticket"].search_count(
            [("is_quality_complaint", "=", True)]
        )
        passes = [(xmlid, True) for xmlid in USERS] + [(USERS[0], False)]
        for xmlid, indexed in passes:
            if not indexed:
                cr.execute(SQL("DROP INDEX %s", SQL.identifier(INDEXES[0])))
                for index in INDEXES[1:]:
                    cr.execute(SQL("DROP INDEX %s", SQL.identifier(index)))
            user = env.ref(xmlid)
            column = user.login if indexed else f"{user.login} without indexes"
            uenv = env(user=user, context={"lang": "en_US", "tz": "UTC"})
            info = load_views(uenv)
            for name, call in cases(uenv, info):
                results.setdefault(name, {})[column] = measure(uenv, call)
                if do_explain and xmlid == USERS[0] and indexed:
                    seconds, plan = explain(uenv, call)
                    print(f"--- {name}: slowest query {seconds * 1000:.0f} ms\n{plan}")
        cr.rollback()
    return total, results


def table(total, results):
    columns = list(next(iter(results.values())))
    lines = [
        f"Opening the complaint views on {total:,} quality complaints: the RPCs "
        "the Odoo 19 web client sends (fields specifications from get_views), "
        f"warm, best of {RUNS}, {os.cpu_count()} CPU cores, load average "
        f"{os.getloadavg()[0]:.1f}. \"without indexes\": "
        f"{', '.join(INDEXES)} dropped.",
        "",
        "| view | "
        + " | ".join(f"{column}: ms | queries" for column in columns)
        + " |",
        "|---|" + "---:|---:|" * len(columns),
    ]
    for name, per_column in results.items():
        cells = []
        for column in columns:
            seconds, queries = per_column[column]
            cells += [f"{seconds * 1000:.0f}", f"{queries}"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main():
    args = parse_args()
    registry = open_registry(args)
    with registry.cursor() as cr:
        missing = not bench_ids(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}))
    if missing:
        generate(registry)
    report = table(*run(registry, args.explain))
    sys.stdout.write(report)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report)


if __name__ == "__main__":
    main()
