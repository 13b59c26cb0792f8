# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Bad-input matrix (issue 10): every case through the ORM and over RPC.

Refused inputs must raise the right error class with a translated message,
leave no record behind and never answer HTTP 500; accepted ones (emoji,
right-to-left, 1 MB, HTML, SQL metacharacters) must be stored intact or
sanitized."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .bad_input_common import Accept, BadInputCommon, Case

NAN = float("nan")
INF = float("inf")
SCRIPT = '<script>alert("qc")</script><img src="x" onerror="alert(1)">'
EMOJI_RTL = "瓷砖破裂 🧱💥👍🏽 العميل غاضب جدا שלום"
BIG_TEXT = "质量投诉 quality complaint 🧱\n" * 40000  # > 1 MB in UTF-8
SQL_TEXTS = ("'; DROP TABLE helpdesk_ticket; --", "%", "_", "\\", "%_\\'\"")


def _line(t):
    return [t.line_draft.id]


def _write(**vals):
    return lambda t: {"vals": vals}


def _new_line(**vals):
    return lambda t: {
        "vals_list": [
            dict(
                {"compensation_id": t.comp_draft.id, "compensation_type": "refund"},
                **vals,
            )
        ]
    }


def _new_recovery(**vals):
    return lambda t: {
        "vals_list": [
            dict(
                {
                    "compensation_id": t.comp_draft.id,
                    "recovery_party": "carrier",
                    "partner_id": t.carrier.id,
                },
                **vals,
            )
        ]
    }


def _ids(attr):
    return lambda t: getattr(t, attr).ids


def _none(t):
    return {}


def _no_general_journal(t):
    # Odoo refuses to archive a journal holding drafts: hide them in SQL
    t.env.flush_all()
    t.env.cr.execute(
        "UPDATE account_journal SET active = FALSE"
        " WHERE company_id = %s AND type = 'general'",
        [t.env.company.id],
    )
    t.env.invalidate_all()


def _locked_write_off(t):
    t.comp_goods.with_user(t.bookkeeper).action_write_off()
    # the demo bank lines forbid locking through the form: lock in SQL
    t.env.flush_all()
    t.env.cr.execute(
        "UPDATE res_company SET fiscalyear_lock_date = %s WHERE id = %s",
        [t.comp_goods.write_off_move_id.date, t.env.company.id],
    )
    t.env.invalidate_all()


def _held_order(t):
    t.held_order = t.env["sale.order"].create(
        {
            "partner_id": t.customer.id,
            "user_id": t.salesperson.id,
            "order_line": [(0, 0, {"product_id": t.product.id, "product_uom_qty": 1})],
        }
    )
    t.customer._quality_set_sale_hold("Unpaid complaint settlement")


LINE = "quality.compensation.line"
RECOVERY = "quality.compensation.recovery"
COMP = "quality.compensation"
TICKET = "helpdesk.ticket"
CAPA = "quality.capa.action"
RECALL = "quality.lot.recall"
V, U, A = ValidationError, UserError, AccessError

ERROR_CASES = [
    # -- quantities and amounts -----------------------------------------
    Case("line qty 0", "salesperson", LINE, "create", _none, _new_line(quantity=0), V),
    Case("line qty < 0", "salesperson", LINE, "write", _line, _write(quantity=-3), V),
    Case("line qty NaN", "salesperson", LINE, "write", _line, _write(quantity=NAN), V),
    Case("line qty inf", "salesperson", LINE, "write", _line, _write(quantity=INF), V),
    Case(
        "line qty huge", "salesperson", LINE, "write", _line, _write(quantity=1e15), V
    ),
    Case("price < 0", "salesperson", LINE, "write", _line, _write(price_unit=-10), V),
    Case("price NaN", "salesperson", LINE, "write", _line, _write(price_unit=NAN), V),
    Case("price -inf", "salesperson", LINE, "write", _line, _write(price_unit=-INF), V),
    Case("price huge", "salesperson", LINE, "write", _line, _write(price_unit=1e18), V),
    Case(
        "proposal with a NaN line",
        "salesperson",
        COMP,
        "create",
        _none,
        lambda t: {
            "vals_list": [
                {
                    "ticket_id": t.ticket.id,
                    "line_ids": [
                        (0, 0, {"compensation_type": "cash", "quantity": NAN})
                    ],
                }
            ]
        },
        V,
    ),
    Case(
        "complaint qty < 0",
        "salesperson",
        TICKET,
        "write",
        _ids("ticket"),
        _write(complaint_qty=-5),
        V,
    ),
    Case(
        "complaint qty NaN",
        "salesperson",
        TICKET,
        "write",
        _ids("ticket"),
        _write(complaint_qty=NAN),
        V,
    ),
    Case(
        "how many < 0",
        "salesperson",
        TICKET,
        "write",
        _ids("ticket"),
        _write(w_how_many=-1),
        V,
    ),
    Case(
        "share > 100 %",
        "salesperson",
        RECOVERY,
        "create",
        _none,
        _new_recovery(share=150),
        V,
    ),
    Case(
        "share NaN",
        "salesperson",
        RECOVERY,
        "create",
        _none,
        _new_recovery(share=NAN),
        V,
    ),
    Case(
        "recovery amount < 0",
        "salesperson",
        RECOVERY,
        "create",
        _none,
        _new_recovery(amount=-50),
        V,
    ),
    # -- more than delivered or invoiced ------------------------------------
    Case(
        "return more than delivered",
        "complaint_user",
        COMP,
        "action_quality_create_return",
        _ids("comp_over"),
        _none,
        U,
    ),
    Case(
        "credit more than invoiced",
        "billing",
        COMP,
        "action_create_credit_notes",
        _ids("comp_inv_over"),
        _none,
        U,
    ),
    # -- lots, units, currency ------------------------------------------
    Case(
        "complaint lot of another product",
        "salesperson",
        TICKET,
        "write",
        _ids("ticket"),
        lambda t: {"vals": {"lot_id": t.lot_glue.id}},
        V,
    ),
    Case(
        "line lot of another product",
        "salesperson",
        LINE,
        "write",
        _line,
        lambda t: {"vals": {"lot_id": t.lot_glue.id}},
        V,
    ),
    Case(
        "complaint lot of another company",
        "salesperson",
        TICKET,
        "write",
        _ids("ticket"),
        lambda t: {"vals": {"lot_id": t.lot_company_b.id}},
        V,
    ),
    Case(
        "line lot of another company",
        "salesperson",
        LINE,
        "write",
        _line,
        lambda t: {"vals": {"lot_id": t.lot_company_b.id}},
        V,
    ),
    Case(
        "line unit of another kind (kg for units)",
        "salesperson",
        LINE,
        "write",
        _line,
        lambda t: {"vals": {"product_uom_id": t.kg.id}},
        V,
    ),
    Case(
        "currency of an approved proposal changed",
        "salesperson",
        COMP,
        "write",
        _ids("comp_approved"),
        lambda t: {"vals": {"currency_id": t.eur.id}},
        U,
    ),
    # -- archived partners ---------------------------------------------
    Case(
        "return from an archived customer",
        "complaint_user",
        COMP,
        "action_quality_create_return",
        _ids("comp_gone"),
        _none,
        U,
    ),
    Case(
        "payment to an archived customer",
        "billing",
        COMP,
        "action_create_payments",
        _ids("comp_gone"),
        _none,
        U,
    ),
    Case(
        "proposal for an archived customer",
        "salesperson",
        COMP,
        "create",
        _none,
        lambda t: {"vals_list": [{"ticket_id": t.comp_gone.ticket_id.id}]},
        U,
    ),
    # -- invoices, periods, accounts and journals ------------------------
    Case(
        "credit note of a draft invoice",
        "billing",
        COMP,
        "action_create_credit_notes",
        _ids("comp_inv_draft"),
        _none,
        U,
    ),
    Case(
        "credit note of a cancelled invoice",
        "billing",
        COMP,
        "action_create_credit_notes",
        _ids("comp_inv_cancel"),
        _none,
        U,
    ),
    Case(
        "credit note of a reversed invoice",
        "billing",
        COMP,
        "action_create_credit_notes",
        _ids("comp_inv_reversed"),
        _none,
        U,
    ),
    Case(
        "write-off reset in a locked period",
        "bookkeeper",
        "account.move",
        "button_draft",
        lambda t: t.comp_goods.write_off_move_id.ids,
        _none,
        U,
        _locked_write_off,
    ),
    Case(
        "write-off without a general journal",
        "bookkeeper",
        COMP,
        "action_write_off",
        _ids("comp_goods"),
        _none,
        U,
        _no_general_journal,
    ),
    Case(
        "write-off by a complaint user",
        "salesperson",
        COMP,
        "action_write_off",
        _ids("comp_goods"),
        _none,
        A,
    ),
    # -- wrong state: compensation ----------------------------------------
    Case(
        "submit approved",
        "salesperson",
        COMP,
        "action_submit",
        _ids("comp_approved"),
        _none,
        U,
    ),
    Case(
        "done draft", "salesperson", COMP, "action_done", _ids("comp_draft"), _none, U
    ),
    Case(
        "cancel done", "salesperson", COMP, "action_cancel", _ids("comp_done"), _none, U
    ),
    Case(
        "reset approved",
        "salesperson",
        COMP,
        "action_draft",
        _ids("comp_approved"),
        _none,
        U,
    ),
    Case(
        "customer accepts cancelled",
        "salesperson",
        COMP,
        "action_customer_accept",
        _ids("comp_cancel"),
        _none,
        U,
    ),
    Case("reject draft", "qmanager", COMP, "reject_tier", _ids("comp_draft"), _none, U),
    Case(
        "return of a draft",
        "complaint_user",
        COMP,
        "action_quality_create_return",
        _ids("comp_draft"),
        _none,
        U,
    ),
    Case(
        "grouped return of a cancelled",
        "complaint_user",
        COMP,
        "action_quality_create_grouped_return",
        _ids("comp_cancel"),
        _none,
        U,
    ),
    Case(
        "documents of a cancelled",
        "complaint_user",
        COMP,
        "action_quality_create_documents",
        _ids("comp_cancel"),
        _none,
        U,
    ),
    Case(
        "credit notes of a draft",
        "billing",
        COMP,
        "action_create_credit_notes",
        _ids("comp_draft"),
        _none,
        U,
    ),
    Case(
        "payments of a cancelled",
        "billing",
        COMP,
        "action_create_payments",
        _ids("comp_cancel"),
        _none,
        U,
    ),
    Case(
        "write-off of a draft",
        "bookkeeper",
        COMP,
        "action_write_off",
        _ids("comp_draft"),
        _none,
        U,
    ),
    Case(
        "charge carrier of a draft",
        "billing",
        COMP,
        "action_quality_charge_carrier",
        _ids("comp_draft"),
        _none,
        U,
    ),
    Case(
        "charge carrier nothing to charge",
        "billing",
        COMP,
        "action_quality_charge_carrier",
        _ids("comp_zero_recovery"),
        _none,
        U,
    ),
    Case(
        "delete approved", "qmanager", COMP, "unlink", _ids("comp_approved"), _none, U
    ),
    # -- wrong state: CAPA, recall, complaint ------------------------------
    Case(
        "CAPA start done",
        "salesperson",
        CAPA,
        "action_start",
        _ids("capa_done"),
        _none,
        U,
    ),
    Case(
        "CAPA close without effectiveness",
        "salesperson",
        CAPA,
        "action_done",
        _ids("capa_open"),
        _none,
        U,
    ),
    Case(
        "CAPA reopen open",
        "salesperson",
        CAPA,
        "action_reopen",
        _ids("capa_open"),
        _none,
        U,
    ),
    Case(
        "CAPA cancel cancelled",
        "salesperson",
        CAPA,
        "action_cancel",
        _ids("capa_cancel"),
        _none,
        U,
    ),
    Case(
        "CAPA effectiveness of done",
        "salesperson",
        CAPA,
        "action_record_effectiveness",
        _ids("capa_done"),
        _none,
        U,
    ),
    Case(
        "recall testing of cancelled",
        "qmanager",
        RECALL,
        "action_start_testing",
        _ids("recall_cancel"),
        _none,
        U,
    ),
    Case(
        "recall decided without decision",
        "qmanager",
        RECALL,
        "action_decide",
        _ids("recall_draft"),
        _none,
        U,
    ),
    Case(
        "recall decision without sample test",
        "qmanager",
        RECALL,
        "write",
        _ids("recall_draft"),
        _write(decision="recall"),
        U,
    ),
    Case(
        "recall execute draft",
        "qmanager",
        RECALL,
        "action_execute",
        _ids("recall_draft"),
        _none,
        U,
    ),
    Case(
        "recall close draft",
        "qmanager",
        RECALL,
        "action_done",
        _ids("recall_draft"),
        _none,
        U,
    ),
    Case(
        "recall cancel done",
        "qmanager",
        RECALL,
        "action_cancel",
        _ids("recall_done"),
        _none,
        U,
    ),
    Case(
        "customer refuses cancelled",
        "salesperson",
        COMP,
        "action_customer_refuse",
        _ids("comp_cancel"),
        _none,
        U,
    ),
    Case(
        "approve a draft",
        "qmanager",
        COMP,
        "validate_tier",
        _ids("comp_draft"),
        _none,
        U,
    ),
    Case(
        "rebate deduction of a cancelled",
        "billing",
        COMP,
        "action_quality_deduct_rebate",
        _ids("comp_cancel"),
        _none,
        U,
    ),
    Case(
        "supplier claim of a done",
        "billing",
        COMP,
        "action_quality_claim_supplier",
        _ids("comp_done"),
        _none,
        U,
    ),
    Case(
        "grouped return of two customers",
        "complaint_user",
        COMP,
        "action_quality_create_grouped_return",
        lambda t: (t.comp_approved | t.comp_gone).ids,
        _none,
        U,
    ),
    Case(
        "recall refresh of a done",
        "qmanager",
        RECALL,
        "action_refresh_customers",
        _ids("recall_done"),
        _none,
        U,
    ),
    Case(
        "survey of an open complaint",
        "salesperson",
        TICKET,
        "action_send_satisfaction_survey",
        _ids("ticket"),
        _none,
        U,
    ),
    Case(
        "sales hold by a complaint user",
        "salesperson",
        "res.partner",
        "action_quality_sale_hold",
        _ids("customer"),
        _none,
        A,
    ),
    Case(
        "sale confirmed for a customer on hold",
        "salesperson",
        "sale.order",
        "action_confirm",
        lambda t: t.held_order.ids,
        _none,
        U,
        _held_order,
    ),
    Case(
        "root cause confirmed without root cause",
        "salesperson",
        TICKET,
        "action_confirm_root_cause",
        _ids("ticket"),
        _none,
        V,
    ),
]


def _ticket_vals(**vals):
    return lambda t: {
        "vals_list": [
            dict(
                {
                    "name": "QC bad input",
                    "description": "<p>x</p>",
                    "team_id": t.team.id,
                    "partner_id": t.customer.id,
                },
                **vals,
            )
        ]
    }


def _last_ticket(t):
    return t.env["helpdesk.ticket"].sudo().search([], order="id desc", limit=1)


def _table_exists(t):
    t.env.cr.execute("SELECT to_regclass('helpdesk_ticket') IS NOT NULL")
    return t.env.cr.fetchone()[0]


ACCEPTED_CASES = [
    Accept(
        "emoji and right-to-left name",
        "salesperson",
        TICKET,
        "create",
        _none,
        _ticket_vals(name=EMOJI_RTL, w_who=EMOJI_RTL),
        lambda t: _last_ticket(t).name == EMOJI_RTL
        and _last_ticket(t).w_who == EMOJI_RTL,
        {TICKET: 1},
    ),
    Accept(
        "1 MB of text",
        "salesperson",
        TICKET,
        "write",
        _ids("ticket"),
        _write(w_what=BIG_TEXT),
        lambda t: t.ticket.sudo().w_what == BIG_TEXT,
        {},
    ),
    Accept(
        "script in the description (HTML) is sanitized",
        "salesperson",
        TICKET,
        "create",
        _none,
        _ticket_vals(description=f"<p>Cracked</p>{SCRIPT}"),
        lambda t: "Cracked" in _last_ticket(t).description
        and "<script" not in _last_ticket(t).description
        and "onerror" not in _last_ticket(t).description,
        {TICKET: 1},
    ),
    Accept(
        "script in the solution (HTML) is sanitized",
        "salesperson",
        COMP,
        "write",
        _ids("comp_draft"),
        _write(solution=f"<p>Refund</p>{SCRIPT}"),
        lambda t: "Refund" in t.comp_draft.sudo().solution
        and "<script" not in t.comp_draft.sudo().solution
        and "onerror" not in t.comp_draft.sudo().solution,
        {},
    ),
    Accept(
        "script in a plain-text field is kept as text",
        "salesperson",
        TICKET,
        "write",
        _ids("ticket"),
        _write(w_where=SCRIPT),
        lambda t: t.ticket.sudo().w_where == SCRIPT,
        {},
    ),
    *(
        Accept(
            f"name_search {text!r} on {model}",
            "salesperson",
            model,
            "name_search",
            _none,
            lambda t, text=text: {"name": text},
            _table_exists,
            {},
        )
        for model in (TICKET, COMP, "stock.lot")
        for text in SQL_TEXTS
    ),
    *(
        Accept(
            f"search_read ilike {text!r} on {model}",
            "salesperson",
            model,
            "search_read",
            _none,
            lambda t, text=text: {
                "domain": [("name", "ilike", text)],
                "fields": ["name"],
                "limit": 5,
            },
            _table_exists,
            {},
        )
        for model in (TICKET, LINE)
        for text in SQL_TEXTS
    ),
]


@tagged("post_install", "-at_install")
class TestBadInputMatrix(BadInputCommon):
    def test_matrix_size(self):
        self.assertGreaterEqual(len(ERROR_CASES) + len(ACCEPTED_CASES), 40)
        names = [c.name for c in ERROR_CASES + ACCEPTED_CASES]
        self.assertEqual(len(names), len(set(names)), "case names must be unique")

    @mute_logger("odoo.http", "odoo.sql_db")
    def test_refused_inputs(self):
        self._run_matrix(ERROR_CASES, self._check_error_case)

    @mute_logger("odoo.http")
    def test_accepted_inputs(self):
        self._run_matrix(ACCEPTED_CASES, self._check_accepted_case)

    def test_script_rendered_escaped_on_portal(self):
        """A script typed in the complaint's title shows as text on the
        customer's portal page, never as markup."""
        portal = self.env["res.users"].create(
            {
                "name": "QC Portal Customer",
                "login": "qc_bi_portal",
                "password": "qc_bi_portal",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        ticket = self._create_ticket(name=SCRIPT, partner_id=portal.partner_id.id)
        self.authenticate("qc_bi_portal", "qc_bi_portal")
        response = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("&lt;script&gt;alert", response.text)
        self.assertNotIn('<script>alert("qc")', response.text)
        self.assertNotIn('onerror="alert(1)"', response.text)
