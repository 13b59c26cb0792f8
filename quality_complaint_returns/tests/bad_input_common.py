# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Fixture and runner of the bad-input matrix (no test methods here).

A case is one call ``model.method(**kwargs)`` on ``ids`` as one of our users.
The runner makes it through the ORM (in English, then in Chinese) and over
RPC (JSON-2 with the user's API key, ``/web/dataset/call_kw`` with his
session, in Chinese) and checks each time: the error class, a translated
message, and the record counts of every touched model unchanged."""

import json
import re
from collections import namedtuple
from datetime import timedelta

import psycopg2

from odoo import fields
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user

from odoo.addons.quality_complaint.tests.compensation_common import MANAGER, USER

from .returns_common import ReturnsCommon

# name: what is tried; user: attribute of the fixture holding the user;
# ids(t) / kwargs(t): the records and arguments; error: the expected class;
# prepare(t): set-up made as superuser inside the case's savepoint.
Case = namedtuple(
    "Case", "name user model method ids kwargs error prepare", defaults=(None,)
)
# check(t, result): what must hold after an accepted input (as superuser).
Accept = namedtuple("Accept", "name user model method ids kwargs check counts")

CJK = re.compile(r"[\u4e00-\u9fff]")
COUNTED = (
    "helpdesk.ticket",
    "quality.compensation",
    "quality.compensation.line",
    "quality.compensation.recovery",
    "quality.capa.action",
    "quality.lot.recall",
    "stock.picking",
    "stock.move",
    "stock.lot",
    "account.move",
    "account.move.line",
    "account.payment",
    "repair.order",
    "sale.order",
)
API_MODEL = {"create", "name_search", "search_read", "search_count"}


class BadInputCommon(ReturnsCommon, HttpCase):
    """Proposals, CAPA actions, recalls and invoices in every state."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("zh_CN")
        cls._setup_bad_input_users()
        cls._setup_bad_input_proposals()
        cls._setup_bad_input_invoices()
        cls._setup_bad_input_capa_recall()
        cls.other_product = env["product.product"].create(
            {"name": "QC Glue", "is_storable": True, "tracking": "lot"}
        )
        cls.lot_glue = env["stock.lot"].create(
            {"name": "QC-GLUE-1", "product_id": cls.other_product.id}
        )
        cls.company_b = env["res.company"].create({"name": "QC Other Company"})
        # a user of both companies: the lot is readable, the mix still refused
        cls.salesperson.company_ids += cls.company_b
        cls.lot_company_b = env["stock.lot"].create(
            {
                "name": "QC-LOT-B",
                "product_id": cls.product.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.kg = env.ref("uom.product_uom_kgm")
        cls.eur = env.ref("base.EUR")
        cls._api_keys = {
            user: env["res.users.apikeys"]
            .with_user(user)
            ._generate(None, "bad input", fields.Datetime.now() + timedelta(days=1))
            for user in (
                cls.salesperson,
                cls.complaint_user,
                cls.billing,
                cls.bookkeeper,
                cls.qmanager,
            )
        }

    @classmethod
    def _setup_bad_input_users(cls):
        env = cls.env
        sales = "sales_team.group_sale_salesman"
        cls.billing = new_test_user(
            env,
            login="qc_bi_billing",
            groups=f"{sales},{USER},account.group_account_invoice",
        )
        cls.bookkeeper = new_test_user(
            env,
            login="qc_bi_bookkeeper",
            groups=f"{sales},{USER},account.group_account_user",
        )
        cls.qmanager = new_test_user(
            env, login="qc_bi_manager", groups=f"{sales},{MANAGER}"
        )
        cls.team.user_ids = [
            Command.link(u.id) for u in (cls.billing, cls.bookkeeper, cls.qmanager)
        ]

    @classmethod
    def _proposal(cls, lines, ticket=None, state="approved", **vals):
        """A proposal of ``lines`` [(type, qty, price)] in ``state``."""
        comp = cls.Compensation.with_user(cls.salesperson).create(
            {
                **vals,
                "ticket_id": (ticket or cls.ticket).id,
                "line_ids": [
                    Command.create(
                        {"compensation_type": ctype, "quantity": qty}
                        | ({"price_unit": price} if price is not None else {})
                    )
                    for ctype, qty, price in lines
                ],
            }
        )
        if state != "draft":
            comp.action_submit()
        if state == "cancel":
            comp.action_cancel()
        if state == "done":
            comp.line_ids.write({"executed": True, "executed_qty": 1.0})
            comp.action_done()
        assert comp.state == state, comp.state
        return comp.with_user(cls.env.user)

    @classmethod
    def _setup_bad_input_proposals(cls):
        cls.comp_draft = cls._proposal([("refund", 2, None)], state="draft")
        cls.line_draft = cls.comp_draft.line_ids
        cls.comp_approved = cls._proposal([("refund", 2, None)])
        cls.comp_cancel = cls._proposal([("refund", 2, None)], state="cancel")
        cls.comp_done = cls._proposal([("cash", 1, 50.0)], state="done")
        cls.comp_over = cls._proposal([("refund", 20, None)])
        cls.comp_zero_recovery = cls._proposal(
            [("cash", 1, 0.0)],
            ticket=cls._create_ticket(complaint_qty=1),
            recovery_ids=[
                Command.create(
                    {
                        "recovery_party": "carrier",
                        "partner_id": cls.carrier.id,
                        "share": 100.0,
                    }
                )
            ],
        )
        # an archived customer: a return, a payment, a carrier to charge
        cls.gone = cls.env["res.partner"].create({"name": "QC Gone Customer"})
        cls._deliver(cls.gone, cls.product, cls.lot, 5)
        ticket = cls._create_ticket(partner_id=cls.gone.id, complaint_qty=2)
        cls.comp_gone = cls._proposal([("refund", 2, None), ("cash", 1, 30.0)], ticket)
        cls.gone.active = False

    @classmethod
    def _invoice(cls, state="posted", quantity=10.0):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.customer.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "quantity": quantity,
                            "price_unit": 150.0,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        if state in ("posted", "reversed"):
            invoice.action_post()
        if state == "cancel":
            invoice.button_cancel()
        if state == "reversed":
            invoice._reverse_moves(cancel=True)
        return invoice

    @classmethod
    def _invoiced_proposal(cls, state, quantity=1):
        ticket = cls._create_ticket(invoice_id=cls._invoice(state).id)
        return cls._proposal([("refund", quantity, None)], ticket)

    @classmethod
    def _setup_bad_input_invoices(cls):
        cls.comp_inv_draft = cls._invoiced_proposal("draft")
        cls.comp_inv_cancel = cls._invoiced_proposal("cancel")
        cls.comp_inv_reversed = cls._invoiced_proposal("reversed")
        cls.comp_inv_over = cls._invoiced_proposal("posted", quantity=20)
        cls.comp_goods = cls._proposal([("replacement", 1, None)])
        cls.comp_goods.line_ids.write({"executed": True, "executed_qty": 1.0})
        cls.comp_goods.action_done()

    @classmethod
    def _setup_bad_input_capa_recall(cls):
        env = cls.env
        Capa = env["quality.capa.action"]
        base = {
            "ticket_id": cls.ticket.id,
            "owner_id": cls.salesperson.id,
            "due_date": fields.Date.today() + timedelta(days=7),
        }
        cls.capa_open = Capa.create(
            dict(base, name="Fix kiln", action_type="corrective")
        )
        cls.capa_done = Capa.create(
            dict(base, name="Stop shipping", action_type="containment")
        )
        cls.capa_done.action_done()
        cls.capa_cancel = Capa.create(
            dict(base, name="Retrain", action_type="preventive")
        )
        cls.capa_cancel.action_cancel()
        Recall = env["quality.lot.recall"]
        lots = env["stock.lot"].create(
            [{"name": f"QC-RECALL-{i}", "product_id": cls.product.id} for i in "123"]
        )
        cls.recall_draft = Recall.create({"lot_id": lots[0].id})
        cls.recall_cancel = Recall.create({"lot_id": lots[1].id})
        cls.recall_cancel.action_cancel()
        cls.recall_done = Recall.create(
            {
                "lot_id": lots[2].id,
                "sample_test_result": "pass",
                "sample_test_date": fields.Date.today(),
                "decision": "no_action",
            }
        )
        cls.recall_done.action_decide()
        cls.recall_done.action_done()

    # ------------------------------------------------------------------
    # Runner
    # ------------------------------------------------------------------

    def _counts(self):
        self.env.invalidate_all()
        return {
            model: self.env[model]
            .sudo()
            .with_context(active_test=False)
            .search_count([])
            for model in COUNTED
        }

    def _orm(self, case, lang):
        """Make the call through the ORM; return the exception raised and the
        record counts right when it was raised (before any rollback)."""
        user = getattr(self, case.user)
        env = self.env(user=user, context=dict(self.env.context, lang=lang))
        records = env[case.model].browse(case.ids(self))
        with self.env.cr.savepoint() as savepoint:
            try:
                getattr(records, case.method)(**case.kwargs(self))
                env.flush_all()
            except Exception as exc:  # noqa: BLE001 - the class is the assertion
                counts = None
                if not isinstance(exc, psycopg2.Error):
                    try:
                        counts = self._counts()
                    except Exception:  # noqa: BLE001 - a crash is reported above
                        counts = None
                savepoint.rollback()
                return exc, counts
        return None, None

    def _run_matrix(self, cases, check):
        """Run every case; fail once at the end with the list of failed ones."""
        failed = []
        for case in cases:
            with self.subTest(case=case.name):
                try:
                    check(case)
                except Exception as exc:  # noqa: BLE001 - listed below
                    failed.append(f"- {case.name}: {str(exc)[:400]}")
        self.assertFalse(
            failed, f"{len(failed)}/{len(cases)} cases failed:\n" + "\n".join(failed)
        )

    def _json2(self, case, lang="en_US"):
        """POST /json/2/<model>/<method> with the user's API key."""
        user = getattr(self, case.user)
        body = dict(case.kwargs(self), context={"lang": lang})
        if case.method not in API_MODEL:
            body["ids"] = case.ids(self)
        cookies = self.opener.cookies.copy()
        self.opener.cookies.clear()  # the API key alone, not a session
        try:
            response = self.url_open(
                f"/json/2/{case.model}/{case.method}",
                data=json.dumps(body),
                headers={
                    "Authorization": f"bearer {self._api_keys[user]}",
                    "Content-Type": "application/json",
                },
            )
        finally:
            self.opener.cookies.update(cookies)
        self.env.invalidate_all()
        return response.status_code, response.json()

    def _call_kw(self, case, lang="zh_CN"):
        """/web/dataset/call_kw with the user's session; returns the error."""
        user = getattr(self, case.user)
        if getattr(self, "_session_uid", None) != user.id:
            self.authenticate(user.login, user.login)
            self._session_uid = user.id
        kwargs = dict(case.kwargs(self), context={"lang": lang})
        if case.method == "create":
            args = [kwargs.pop("vals_list")]
        elif case.method in API_MODEL:
            args = []
        else:
            args = [case.ids(self)]
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "model": case.model,
                "method": case.method,
                "args": args,
                "kwargs": kwargs,
            },
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{case.model}/{case.method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.env.invalidate_all()
        return response.status_code, response.json()

    def _run_prepared(self, case, run):
        """``run()`` inside a savepoint, after the case's preparation."""
        with self.env.cr.savepoint() as savepoint:
            if case.prepare:
                case.prepare(self)
                self.env.flush_all()
            before = self._counts()
            result = run()
            after = self._counts()
            savepoint.rollback()
        self.env.invalidate_all()
        return before, after, result

    def _check_error_case(self, case):
        name = case.error.__name__
        # ORM, English
        before, __, (exc, at_error) = self._run_prepared(
            case, lambda: self._orm(case, "en_US")
        )
        self.assertIsNotNone(exc, "accepted through the ORM")
        self.assertIs(type(exc), case.error, f"ORM raised {exc!r}")
        self.assertEqual(before, at_error, "ORM left records behind")
        english = str(exc)
        self.assertTrue(english.strip())
        # ORM, Chinese: the same error, translated
        __, __, (exc, __) = self._run_prepared(case, lambda: self._orm(case, "zh_CN"))
        self.assertIs(type(exc), case.error, f"ORM (zh_CN) raised {exc!r}")
        self.assertRegex(str(exc), CJK, "message not translated")
        self.assertNotEqual(str(exc), english)
        # JSON-2 with an API key
        before, after, (status, body) = self._run_prepared(
            case, lambda: self._json2(case)
        )
        self.assertNotEqual(status, 500, body)
        self.assertGreaterEqual(status, 400, body)
        self.assertEqual(body.get("name"), f"odoo.exceptions.{name}", body)
        self.assertEqual(before, after, "JSON-2 left records behind")
        # call_kw with a session, in Chinese
        before, after, (status, body) = self._run_prepared(
            case, lambda: self._call_kw(case)
        )
        self.assertEqual(status, 200, body)
        error = body.get("error", {}).get("data", {})
        self.assertEqual(error.get("name"), f"odoo.exceptions.{name}", body)
        self.assertRegex(error.get("message", ""), CJK, "RPC message not translated")
        self.assertEqual(before, after, "call_kw left records behind")

    def _check_accepted_case(self, case):
        """Accepted the same way by the ORM, JSON-2 and call_kw."""
        runs = {
            "orm": lambda: self._orm(case, "en_US"),
            "json2": lambda: self._json2(case),
            "call_kw": lambda: self._call_kw(case, "en_US"),
        }
        for transport, run in runs.items():
            before, after, result = self._run_prepared(
                Case(*case[:6], error=None),
                lambda run=run, case=case: (run(), case.check(self)),
            )
            outcome, checked = result
            if transport == "orm":
                self.assertIsNone(outcome[0], f"ORM refused: {outcome[0]!r}")
            else:
                status, body = outcome
                self.assertEqual(status, 200, f"{transport}: {body}")
                self.assertNotIn("error", body if isinstance(body, dict) else {})
            self.assertTrue(checked, f"{transport}: not stored as expected")
            expected = dict(before)
            for model, delta in case.counts.items():
                expected[model] += delta
            self.assertEqual(after, expected, f"{transport}: counts")
