# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .assessment_common import QualityAssessmentCommon


@tagged("post_install", "-at_install")
class TestLotProduct(QualityAssessmentCommon):
    """The lot of a complaint belongs to its product."""

    def test_lot_of_another_product_refused(self):
        with self.assertRaises(ValidationError):
            self._ticket(product_id=self.product.id, lot_id=self.other_lot.id)
        ticket = self._ticket(product_id=self.product.id, lot_id=self.lot_a.id)
        with self.assertRaises(ValidationError):
            ticket.product_id = self.other_product
        with self.assertRaises(ValidationError):
            self._ticket(lot_id=self.lot_a.id)

    def test_lot_domain_and_unit(self):
        ticket = self._ticket(product_id=self.product.id, complaint_qty=4)
        self.assertEqual(ticket.product_uom_id, self.product.uom_id)
        self.assertEqual(
            ticket._fields["lot_id"].domain, "[('product_id', '=', product_id)]"
        )

    def test_changing_product_clears_lot_in_form(self):
        with Form(self.env["helpdesk.ticket"]) as form:
            form.name = "Peeling coating"
            form.description = "<p>x</p>"
            form.team_id = self.team
            form.product_id = self.product
            form.lot_id = self.lot_a
            form.product_id = self.other_product
            self.assertFalse(form.lot_id)
            form.lot_id = self.other_lot
        self.assertEqual(form.record.lot_id, self.other_lot)
