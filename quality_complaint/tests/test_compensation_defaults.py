# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationDefaults(CompensationCommon):
    """Prices, quantities and recoveries proposed from the complaint."""

    def _line(self, ticket, compensation_type="refund", product=None):
        comp = self.Compensation.create(
            {
                "ticket_id": ticket.id,
                "line_ids": [
                    Command.create(
                        {
                            "compensation_type": compensation_type,
                            "product_id": (product or self.product).id,
                        }
                    )
                ],
            }
        )
        return comp.line_ids

    def test_price_from_sale_line(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": 10,
                            "price_unit": 118.0,
                            "discount": 10.0,
                        }
                    )
                ],
            }
        )
        ticket = self._create_ticket(sale_order_id=order.id)
        line = self._line(ticket)
        self.assertAlmostEqual(line.price_unit, 106.2)
        self.assertEqual(line.quantity, 10, "quantity of the complaint")
        self.assertEqual(line.product_uom_id, self.product.uom_id)
        self.assertAlmostEqual(line.amount, 1062.0)
        self.assertAlmostEqual(line.compensation_id.amount_total, 1062.0)

    def test_price_from_invoice_line(self):
        company = self.env.company
        if not self.env["account.journal"].search_count(
            [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
        ):
            self.env["account.chart.template"].try_loading(False, company)
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [
                    Command.create({"product_id": self.product.id, "price_unit": 99.0})
                ],
            }
        )
        ticket = self._create_ticket(invoice_id=invoice.id)
        self.assertAlmostEqual(self._line(ticket).price_unit, 99.0)

    def test_price_packaging_at_cost(self):
        line = self._line(self.ticket, "packaging_at_cost")
        self.assertAlmostEqual(line.price_unit, 40.0)
        line.compensation_type = "refund"
        self.assertAlmostEqual(line.price_unit, 150.0, "list price without documents")

    def test_product_from_ticket_in_form(self):
        with Form(
            self.Compensation.with_context(default_ticket_id=self.ticket.id)
        ) as f:
            self.assertEqual(f.partner_id, self.customer)
            self.assertEqual(f.owner_id, self.salesperson)
            with f.line_ids.new() as line:
                line.compensation_type = "replacement"
                self.assertEqual(line.product_id, self.product)
                self.assertEqual(line.quantity, 10)
            with f.line_ids.new() as line:
                line.compensation_type = "cash"
                self.assertFalse(line.product_id, "money needs no product")
                line.price_unit = 100
        self.assertEqual(f.record.amount_total, 1600.0)

    def test_lot_of_other_product_refused(self):
        other = self.env["product.product"].create(
            {"name": "Other", "type": "consu", "is_storable": True, "tracking": "lot"}
        )
        with self.assertRaises(ValidationError):
            self.Compensation.create(
                {
                    "ticket_id": self.ticket.id,
                    "line_ids": [
                        Command.create({"product_id": other.id, "lot_id": self.lot.id})
                    ],
                }
            )

    def test_recovery_from_responsible_party(self):
        cases = {
            "carrier": ("carrier_id", self.carrier),
            "distributor": ("distributor_id", self.distributor),
            "supplier": ("supplier_id", self.supplier),
        }
        evidence = self.env["ir.attachment"].create(
            {"name": "signed-note.png", "raw": b"note", "mimetype": "image/png"}
        )
        carrier_evidence = {
            "carrier_delivery_note_ids": [Command.set(evidence.ids)],
            "damage_photo_ids": [Command.set(evidence.ids)],
        }
        for party, (fname, partner) in cases.items():
            extra = carrier_evidence if party == "carrier" else {}
            ticket = self._create_ticket(
                responsible_party=party, **{fname: partner.id}, **extra
            )
            comp = self._create_compensation(2000, ticket=ticket)
            self.assertEqual(comp.recovery_ids.recovery_party, party)
            self.assertEqual(comp.recovery_ids.partner_id, partner)
            self.assertEqual(comp.recovery_ids.amount_computed, 2000)
            self.assertEqual(comp.net_amount, 0)
        self.assertFalse(self._create_compensation(2000).recovery_ids)

    def test_net_amount_share_and_fixed(self):
        ticket = self._create_ticket(
            responsible_party="distributor", distributor_id=self.distributor.id
        )
        comp = self._create_compensation(2000, ticket=ticket)
        comp.recovery_ids.share = 25
        self.assertEqual(comp.amount_recovered, 500)
        self.assertEqual(comp.net_amount, 1500)
        comp.recovery_ids = [
            Command.create(
                {
                    "recovery_party": "carrier",
                    "partner_id": self.carrier.id,
                    "amount": 300,
                }
            )
        ]
        self.assertEqual(comp.net_amount, 1200)
