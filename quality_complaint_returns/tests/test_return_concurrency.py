# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Two users creating the return of the same proposal at once, on two real
cursors, repeated QC_CONCURRENCY_RUNS times (50) on fresh committed
proposals. Invariant: one receipt per proposal, one move per line, and the
user who lost the race gets that same receipt when he clicks again."""

from odoo.fields import Command
from odoo.tests.common import tagged
from odoo.tools import mute_logger

from odoo.addons.quality_complaint.tests.concurrency_common import (
    MANAGER,
    ConcurrencyCase,
)


@tagged("post_install", "-at_install")
class TestReturnConcurrency(ConcurrencyCase):
    @classmethod
    def _setup_data(cls, env):
        cls.user_ids = cls._create_users(env, "click", [MANAGER]).ids
        model = env["ir.model"]._get("quality.compensation")
        cls._archive(env["tier.definition"].search([("model", "=", model.model)]))
        product = cls._track(
            env["product.product"].create(
                {"name": f"QC race {cls.tag}", "type": "consu", "is_storable": True}
            )
        )
        partner = cls._track(
            env["res.partner"].create({"name": f"QC race customer {cls.tag}"})
        )
        tickets = cls._track(
            env["helpdesk.ticket"].create(
                [
                    {
                        "name": f"QC race {i} {cls.tag}",
                        "description": "x",
                        "partner_id": partner.id,
                        "product_id": product.id,
                    }
                    for i in range(cls.runs)
                ]
            )
        )
        tickets.delivery_picking_id = False
        comps = cls._track(
            env["quality.compensation"].create(
                [
                    {
                        "ticket_id": ticket.id,
                        "line_ids": [
                            Command.create(
                                {"compensation_type": "refund", "quantity": 2}
                            )
                        ],
                    }
                    for ticket in tickets
                ]
            )
        )
        comps.action_submit()
        assert set(comps.mapped("state")) == {"approved"}, comps.mapped("state")
        cls.compensation_ids = comps.ids

    @classmethod
    def _cleanup_documents(cls, env):
        comps = env["quality.compensation"].browse(cls.compensation_ids)
        pickings = comps._quality_get_pickings()
        pickings.action_cancel()
        pickings.unlink()
        comps.action_cancel()

    def _create_return(self, comp_id):
        def create_return(env):
            return (
                env["quality.compensation"].browse(comp_id)._quality_create_return().id
            )

        return create_return

    def _read(self, comp_id):
        with self.committed() as env:
            comp = env["quality.compensation"].browse(comp_id)
            pickings = comp._quality_get_pickings()
            return {
                "receipts": pickings.ids,
                "moves": len(pickings.move_ids),
                "line_moves": len(comp.line_ids.move_ids),
                "states": pickings.mapped("state"),
            }

    @mute_logger("odoo.sql_db")
    def test_two_users_at_once(self):
        def run(i):
            comp_id = self.compensation_ids[i]
            results = self._race(
                *((uid, self._create_return(comp_id)) for uid in self.user_ids)
            )
            msg = f"run {i}: {results}"
            got = self._read(comp_id)
            self.assertEqual(len(got["receipts"]), 1, f"one receipt, {msg}")
            self.assertEqual((got["moves"], got["line_moves"]), (1, 1), msg)
            self.assertEqual(got["states"], ["assigned"], msg)
            self.assertIn(got["receipts"][0], [r.value for r in results if r.ok], msg)
            # whoever lost the race clicks again and gets the same receipt
            again = self._once(self.user_ids[0], self._create_return(comp_id))
            self.assertEqual(again.value, got["receipts"][0], msg)
            self.assertEqual(self._read(comp_id), got, msg)

        self._timed_runs("two users create the return at once", run)
