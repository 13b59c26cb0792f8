# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Static checks over the Python of our addons (ast, no import):

- every ``sudo()`` in ``controllers/`` is a listed call site, with the check
  that precedes it (a call made earlier in the same function) or the reason
  it needs none; a new or moved one fails until it is reviewed and listed;
- no SQL is built by string formatting: the query given to ``cr.execute()``
  or ``SQL()`` is never an f-string, a ``%`` formatting, a ``.format()`` call
  or a concatenation with a non-literal (nor a local variable assigned one).
Test code is not scanned.
"""

import ast
from pathlib import Path

from odoo.modules import get_module_path
from odoo.tests import TransactionCase, tagged

ADDONS = ("quality_complaint", "quality_complaint_returns", "quality_complaint_loyalty")

# (file, function) -> (number of sudo() calls, guard called before them or
# None, why the sudo is safe)
CONTROLLER_SUDO = {
    ("quality_complaint/controllers/main.py", "_may_close_ticket_from_portal"): (
        1,
        "check_access",
        "reads the customer and stages of a ticket the user may read",
    ),
    ("quality_complaint/controllers/main.py", "_prepare_submit_ticket_vals"): (
        1,
        None,
        "reads one flag (is_quality_team) of the team chosen on helpdesk_mgmt's "
        "form, to set the channel; reveals no record",
    ),
    ("quality_complaint/controllers/portal.py", "portal_quality_complaint_submit"): (
        1,
        "_prepare_portal_complaint_vals",
        "creates the complaint from values checked against what this customer "
        "received (_ensure_partner_may_complain)",
    ),
    ("quality_complaint/controllers/portal.py", "_get_intake_env"): (
        1,
        None,
        "look-up environment; every look-up made with it is restricted to the "
        "logged-in user's commercial partner (_get_partner_complaint_products, "
        "_get_partner_complaint_lots, _ensure_partner_may_complain)",
    ),
    ("quality_complaint/controllers/portal.py", "_get_max_upload_bytes"): (
        1,
        None,
        "reads a system parameter (upload size limit), no customer data",
    ),
    ("quality_complaint/controllers/portal.py", "_attach_complaint_uploads"): (
        1,
        None,
        "attaches checked uploads to the ticket portal_quality_complaint_submit "
        "has just created for this user (its only caller)",
    ),
}


def _addon_files():
    """(relative path, source) of every non-test Python file of our addons."""
    for addon in ADDONS:
        root = Path(get_module_path(addon))
        for path in sorted(root.rglob("*.py")):
            if "tests" in path.relative_to(root).parts:
                continue
            yield f"{addon}/{path.relative_to(root).as_posix()}", path.read_text()


def _functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _calls(node, name):
    """Calls of a method or function called ``name`` inside ``node``."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            func = sub.func
            called = (
                func.attr
                if isinstance(func, ast.Attribute)
                else getattr(func, "id", None)
            )
            if called == name:
                yield sub


def sudo_call_sites(path, source):
    """{(path, function): [line, ...]} of the sudo() calls."""
    sites = {}
    for func in _functions(ast.parse(source)):
        for call in _calls(func, "sudo"):
            sites.setdefault((path, func.name), []).append(call.lineno)
    return sites


def _is_formatted(node):
    """True when ``node`` builds a string by formatting or concatenation."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return isinstance(node.left, ast.Constant | ast.JoinedStr | ast.BinOp)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return not all(
            isinstance(side, ast.Constant) for side in (node.left, node.right)
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "format" and isinstance(
            node.func.value, ast.Constant | ast.Name
        )
    return False


def formatted_sql(path, source):
    """['path:line call'] for every execute()/SQL() given a formatted query."""
    found = []
    for func in _functions(ast.parse(source)):
        assigned = {}
        for node in ast.walk(func):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(node.value)
        for name in ("execute", "SQL"):
            for call in _calls(func, name):
                if not call.args:
                    continue
                query = call.args[0]
                values = [query]
                if isinstance(query, ast.Name):
                    values += assigned.get(query.id, [])
                if any(_is_formatted(value) for value in values):
                    found.append(f"{path}:{call.lineno} {name}()")
    return found


@tagged("post_install", "-at_install")
class TestStaticSecurity(TransactionCase):
    def test_controller_sudo_call_sites_are_reviewed(self):
        sites = {}
        for path, source in _addon_files():
            if "/controllers/" in path:
                sites.update(sudo_call_sites(path, source))
        problems = []
        for key, lines in sites.items():
            listed = CONTROLLER_SUDO.get(key)
            if not listed:
                problems.append(f"{key}: sudo() at lines {lines} is not reviewed")
            elif listed[0] != len(lines):
                problems.append(f"{key}: {len(lines)} sudo() calls, {listed[0]} listed")
        problems += [
            f"{key}: listed but gone" for key in set(CONTROLLER_SUDO) - set(sites)
        ]
        self.assertFalse(problems, "\n".join(problems))

    def test_controller_sudo_follows_its_guard(self):
        sources = dict(_addon_files())
        for (path, function), (_count, guard, _why) in CONTROLLER_SUDO.items():
            if not guard:
                continue
            with self.subTest(function=function):
                tree = ast.parse(sources[path])
                func = next(f for f in _functions(tree) if f.name == function)
                first_sudo = min(call.lineno for call in _calls(func, "sudo"))
                guards = [call.lineno for call in _calls(func, guard)]
                self.assertTrue(
                    guards and min(guards) < first_sudo,
                    f"{path} {function}: sudo() at line {first_sudo} is not "
                    f"preceded by {guard}()",
                )

    def test_no_sql_built_by_string_formatting(self):
        found = []
        for path, source in _addon_files():
            found += formatted_sql(path, source)
        self.assertFalse(found, "SQL built by formatting:\n" + "\n".join(found))

    def test_the_checks_catch_violations(self):
        """The checkers themselves find what they must (so the tests above
        can fail)."""
        bad = """
def a(cr, ids, x):
    cr.execute(f"SELECT * FROM t WHERE id = {x}")
    cr.execute("SELECT * FROM t WHERE id = %s" % x)
    cr.execute("SELECT * FROM t WHERE id = {}".format(x))
    cr.execute("SELECT * FROM " + x)
    query = "DELETE FROM %s" % x
    cr.execute(query)
    SQL(f"SELECT {x}")
def b(cr, x):
    cr.execute("SELECT 1 WHERE id = %s", [x])
    SQL("SELECT %s", x)
    cr.execute("SELECT " "1")
"""
        self.assertEqual(len(formatted_sql("bad.py", bad)), 6)
        controller = "def route(self):\n    request.env['x'].sudo().search([])\n"
        self.assertEqual(
            sudo_call_sites("x/controllers/y.py", controller),
            {("x/controllers/y.py", "route"): [2]},
        )
