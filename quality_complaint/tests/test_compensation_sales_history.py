# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationSalesHistory(CompensationCommon):
    """The reviewer sees the owner's sales to that customer (flow B)."""

    def _order(self, partner, user, price, confirm=True):
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": user.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "price_unit": price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        if confirm:
            order.action_confirm()
        return order

    def test_owner_sales_summary(self):
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.customer.id}
        )
        mine = self._order(self.customer, self.salesperson, 100)
        mine_contact = self._order(contact, self.salesperson, 50)
        self._order(self.customer, self.salesperson, 999, confirm=False)
        self._order(self.customer, self.hotline, 777)
        self._order(self.carrier, self.salesperson, 555)
        comp = self._create_compensation(100, user=self.hotline)
        self.assertEqual(comp.owner_sales_count, 2)
        self.assertEqual(comp.owner_sales_amount, 150)
        action = comp.with_user(self.head).action_view_owner_sales()
        orders = self.env["sale.order"].search(action["domain"])
        self.assertEqual(orders, mine | mine_contact)
