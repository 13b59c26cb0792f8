# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .recovery_common import RecoveryCommon


@tagged("post_install", "-at_install")
class TestDistributorHold(RecoveryCommon):
    def _order(self):
        return self.env["sale.order"].create(
            {
                "partner_id": self.distributor.id,
                "order_line": [
                    (0, 0, {"product_id": self.product.id, "product_uom_qty": 1})
                ],
            }
        )

    def _hold(self, user, reason="Storage damage not settled"):
        action = self.distributor.with_user(user).action_quality_sale_hold()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard.reason = reason
        wizard.save().action_confirm()

    def test_hold_blocks_sales_and_release(self):
        pending = self._order()
        self._hold(self.head)
        self.assertTrue(self.distributor.quality_sale_hold)
        self.assertIn("Storage damage not settled", self.distributor.sale_warn_msg)
        self.assertTrue(
            any(
                "Storage damage not settled" in (m.body or "")
                for m in self.distributor.message_ids
            )
        )
        with self.assertRaisesRegex(UserError, "on hold"):
            self._order()
        with self.assertRaisesRegex(UserError, "Storage damage not settled"):
            pending.action_confirm()
        self.assertEqual(pending.state, "draft")
        self.distributor.with_user(self.head).action_quality_sale_release()
        self.assertFalse(self.distributor.quality_sale_hold)
        self.assertFalse(self.distributor.sale_warn_msg)
        pending.action_confirm()
        self.assertEqual(pending.state, "sale")

    def test_contact_of_held_company_blocked(self):
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.distributor.id}
        )
        self.distributor.is_company = True
        self._hold(self.head)
        with self.assertRaises(UserError):
            self.env["sale.order"].create({"partner_id": contact.id})

    def test_only_managers_hold(self):
        with self.assertRaises(AccessError):
            self.distributor.with_user(self.salesperson).action_quality_sale_hold()
        with self.assertRaises(AccessError):
            self.distributor.with_user(self.salesperson)._quality_set_sale_hold("x")
        self.assertFalse(self.distributor.quality_sale_hold)
