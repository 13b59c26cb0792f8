# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Customer credit notes executed and posted twice at once, on two real
cursors, each scenario repeated QC_CONCURRENCY_RUNS times (50) on fresh
committed proposals:

- two accountants create and post the credit note of the same proposal;
- two accountants post the same draft credit note.

Invariant: exactly one posted credit note per proposal, no duplicate, no
orphan draft, the line executed once.
"""

from odoo.fields import Command
from odoo.tests.common import tagged
from odoo.tools import mute_logger

from odoo.addons.quality_complaint.tests.concurrency_common import (
    MANAGER,
    ConcurrencyCase,
)

ACCOUNTANT = [MANAGER, "account.group_account_user"]


@tagged("post_install", "-at_install")
class TestCreditNoteConcurrency(ConcurrencyCase):
    @classmethod
    def _setup_data(cls, env):
        cls.user_ids = cls._create_users(env, "acc", ACCOUNTANT).ids
        model = env["ir.model"]._get("quality.compensation")
        cls._archive(env["tier.definition"].search([("model", "=", model.model)]))
        cls.partner_id = cls._track(
            env["res.partner"].create({"name": f"QC credit race {cls.tag}"})
        ).id
        tickets = cls._track(
            env["helpdesk.ticket"].create(
                [
                    {
                        "name": f"QC credit race {i} {cls.tag}",
                        "description": "x",
                        "partner_id": cls.partner_id,
                    }
                    for i in range(2 * cls.runs)
                ]
            )
        )
        comps = cls._track(
            env["quality.compensation"].create(
                [
                    {
                        "ticket_id": ticket.id,
                        "line_ids": [
                            Command.create(
                                {
                                    "compensation_type": "credit",
                                    "name": "Goodwill",
                                    "quantity": 1.0,
                                    "price_unit": 25.0,
                                }
                            )
                        ],
                    }
                    for ticket in tickets
                ]
            )
        )
        comps.action_submit()
        assert set(comps.mapped("state")) == {"approved"}, comps.mapped("state")
        cls.execute_ids = comps[: cls.runs].ids
        cls.post_ids = comps[cls.runs :].ids
        for comp in comps[cls.runs :]:
            comp.action_create_credit_notes()
        cls._setup_over_credit(env)

    @classmethod
    def _setup_over_credit(cls, env):
        """Per run, an invoice of 10 units and two proposals crediting 6
        units of it each: together they would credit more than invoiced."""
        product = cls._track(
            env["product.product"].create(
                {"name": f"QC credit race {cls.tag}", "list_price": 25.0}
            )
        )
        invoices = cls._track(
            env["account.move"].create(
                [
                    {
                        "move_type": "out_invoice",
                        "partner_id": cls.partner_id,
                        "invoice_date": "2026-01-15",
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "quantity": 10.0,
                                    "price_unit": 25.0,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                    for _i in range(cls.runs)
                ]
            )
        )
        invoices.action_post()
        tickets = cls._track(
            env["helpdesk.ticket"].create(
                [
                    {
                        "name": f"QC over-credit race {i} {cls.tag}",
                        "description": "x",
                        "partner_id": cls.partner_id,
                        "product_id": product.id,
                        "invoice_id": invoice.id,
                    }
                    for invoice in invoices
                    for i in (1, 2)
                ]
            )
        )
        comps = cls._track(
            env["quality.compensation"].create(
                [
                    {
                        "ticket_id": ticket.id,
                        "line_ids": [
                            Command.create(
                                {
                                    "compensation_type": "refund",
                                    "product_id": product.id,
                                    "quantity": 6.0,
                                    "price_unit": 25.0,
                                }
                            )
                        ],
                    }
                    for ticket in tickets
                ]
            )
        )
        comps.action_submit()
        cls.invoice_ids = invoices.ids
        cls.over_credit_ids = [comps[2 * i : 2 * i + 2].ids for i in range(cls.runs)]

    @classmethod
    def _cleanup_documents(cls, env):
        comps = env["quality.compensation"].browse(
            cls.execute_ids + cls.post_ids + sum(cls.over_credit_ids, [])
        )
        moves = env["account.move"].search(
            [("quality_compensation_id", "in", comps.ids)]
        )
        moves.filtered(lambda m: m.state == "posted").button_draft()
        moves.with_context(force_delete=True).unlink()
        env["account.move"].browse(cls.invoice_ids).button_draft()
        # executed lines keep a proposal from being cancelled: the fixtures
        # go anyway
        env.cr.execute(
            "UPDATE quality_compensation SET state = 'cancel' WHERE id IN %s",
            [tuple(comps.ids)],
        )
        comps.invalidate_recordset()

    # ------------------------------------------------------------------

    def _execute_and_post(self, comp_id):
        def execute(env):
            comp = env["quality.compensation"].browse(comp_id)
            comp.action_create_credit_notes()
            refunds = comp.line_ids.account_move_id
            refunds.action_post()
            return refunds.ids

        return execute

    def _post(self, comp_id):
        def post(env):
            comp = env["quality.compensation"].browse(comp_id)
            refund = comp.line_ids.account_move_id
            refund.action_post()
            return refund.name

        return post

    def _read(self, comp_id):
        with self.committed() as env:
            comp = env["quality.compensation"].browse(comp_id)
            moves = env["account.move"].search(
                [("quality_compensation_id", "=", comp_id)]
            )
            return {
                "moves": [(m.move_type, m.state, m.amount_total) for m in moves],
                "line_move": comp.line_ids.account_move_id.ids,
                "move_ids": moves.ids,
                "executed": comp.line_ids.executed,
                "names": moves.mapped("name"),
                "same_name": env["account.move"].search_count(
                    [("name", "in", moves.mapped("name")), ("state", "=", "posted")]
                ),
                # a credit note of the customer that lost its proposal
                "orphans": env["account.move"].search_count(
                    [
                        ("partner_id", "=", self.partner_id),
                        ("move_type", "=", "out_refund"),
                        ("quality_compensation_id", "=", False),
                    ]
                ),
            }

    def _assert_one_posted(self, comp_id, msg):
        got = self._read(comp_id)
        self.assertEqual(got["moves"], [("out_refund", "posted", 25.0)], msg)
        self.assertEqual(got["line_move"], got["move_ids"], msg)
        self.assertTrue(got["executed"], msg)
        self.assertEqual(got["same_name"], 1, f"one number, {msg}")
        self.assertEqual(got["orphans"], 0, f"no orphan, {msg}")
        return got

    @mute_logger("odoo.sql_db", "odoo.addons.account.models.account_move")
    def test_execute_and_post_twice(self):
        def run(i):
            comp_id = self.execute_ids[i]
            results = self._race(
                *((uid, self._execute_and_post(comp_id)) for uid in self.user_ids)
            )
            msg = f"run {i}: {results}"
            self.assertEqual(sorted(r.ok for r in results), [False, True], msg)
            got = self._assert_one_posted(comp_id, msg)
            self.assertEqual([r.value for r in results if r.ok], [got["move_ids"]])
            # the accountant who lost clicks again: nothing left to credit
            again = self._once(self.user_ids[0], self._execute_and_post(comp_id))
            self.assertFalse(again.ok, msg)
            self.assertEqual(self._read(comp_id), got, msg)

        self._timed_runs("credit note created and posted twice", run)

    @mute_logger("odoo.sql_db", "odoo.addons.account.models.account_move")
    def test_post_same_draft_twice(self):
        def run(i):
            comp_id = self.post_ids[i]
            results = self._race(*((uid, self._post(comp_id)) for uid in self.user_ids))
            msg = f"run {i}: {results}"
            self.assertEqual(sorted(r.ok for r in results), [False, True], msg)
            got = self._assert_one_posted(comp_id, msg)
            self.assertEqual([r.value for r in results if r.ok], got["names"], msg)
            again = self._once(self.user_ids[1], self._post(comp_id))
            self.assertFalse(again.ok, f"posted twice, {msg}")
            self.assertEqual(self._read(comp_id), got, msg)

        self._timed_runs("same draft credit note posted twice", run)

    def _draft_credit(self, comp_id):
        def draft(env):
            comp = env["quality.compensation"].browse(comp_id)
            comp.action_create_credit_notes()
            return comp.line_ids.account_move_id.ids

        return draft

    @mute_logger("odoo.sql_db")
    def test_two_proposals_over_credit_same_invoice(self):
        """Complaint staff draft the credit notes, accounting posts them
        later: the check against the invoice happens at the draft, so two
        drafts at once must not credit more than invoiced together."""

        def run(i):
            comp_ids = self.over_credit_ids[i]
            results = self._race(
                *(
                    (uid, self._draft_credit(comp_id))
                    for uid, comp_id in zip(self.user_ids, comp_ids, strict=True)
                )
            )
            msg = f"run {i}: {results}"
            self.assertEqual(sorted(r.ok for r in results), [False, True], msg)
            with self.committed() as env:
                invoice = env["account.move"].browse(self.invoice_ids[i])
                self.assertEqual(
                    [(m.state, m.amount_total) for m in invoice.reversal_move_ids],
                    [("draft", 150.0)],
                    f"never more credited than invoiced, {msg}",
                )

        self._timed_runs("two proposals credit the same invoice at once", run)
