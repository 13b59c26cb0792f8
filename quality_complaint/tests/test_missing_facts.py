# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import tagged

from .assessment_common import QualityAssessmentCommon


@tagged("post_install", "-at_install")
class TestMissingFacts(QualityAssessmentCommon):
    """Lot, production date, quantity, purchase proof and photos: the facts
    forgotten at intake are listed and filterable."""

    def _missing(self, tickets):
        return self.env["helpdesk.ticket"].search(
            [("id", "in", tickets.ids), ("has_missing_facts", "=", True)]
        )

    def _complete(self, tickets):
        return self.env["helpdesk.ticket"].search(
            [("id", "in", tickets.ids), ("has_missing_facts", "=", False)]
        )

    def test_all_missing_then_complete(self):
        ticket = self._ticket(product_id=self.product.id)
        self.assertTrue(ticket.has_missing_facts)
        self.assertEqual(
            ticket.missing_facts,
            "lot, production date, quantity, purchase proof, photos",
        )
        ticket.write(
            {
                "lot_id": self.lot_a.id,
                "production_date": date(2025, 9, 15),
                "complaint_qty": 12,
                "has_purchase_proof": True,
            }
        )
        self.assertEqual(ticket.missing_facts, "photos")
        self.assertEqual(self._missing(ticket), ticket)
        self._image().write({"res_model": "helpdesk.ticket", "res_id": ticket.id})
        ticket.invalidate_recordset()
        self.assertEqual(ticket.photo_count, 1)
        self.assertFalse(ticket.missing_facts)
        self.assertFalse(ticket.has_missing_facts)
        self.assertFalse(self._missing(ticket))
        self.assertEqual(self._complete(ticket), ticket)

    def test_each_fact_filters(self):
        base = {
            "product_id": self.product.id,
            "lot_id": self.lot_a.id,
            "production_date": date(2025, 9, 15),
            "complaint_qty": 3,
            "has_purchase_proof": True,
        }
        complete = self._ticket(**base)
        self._image().write({"res_model": "helpdesk.ticket", "res_id": complete.id})
        no_lot = self._ticket(**{**base, "lot_id": False})
        no_date = self._ticket(**{**base, "production_date": False})
        no_qty = self._ticket(**{**base, "complaint_qty": 0})
        no_proof = self._ticket(**{**base, "has_purchase_proof": False})
        for ticket in no_lot | no_date | no_qty | no_proof:
            self._image().write({"res_model": "helpdesk.ticket", "res_id": ticket.id})
        no_photo = self._ticket(**base)
        # a PDF is no photo
        self._document().write({"res_model": "helpdesk.ticket", "res_id": no_photo.id})
        everything = complete | no_lot | no_date | no_qty | no_proof | no_photo
        self.assertEqual(self._missing(everything), everything - complete)
        self.assertEqual(self._complete(everything), complete)
        everything.invalidate_recordset()
        self.assertEqual(no_proof.missing_facts, "purchase proof")
        self.assertEqual(no_photo.missing_facts, "photos")

    def test_not_a_complaint_misses_nothing(self):
        team = self.env["helpdesk.ticket.team"].create({"name": "IT"})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "x", "team_id": team.id}
        )
        self.assertFalse(ticket.has_missing_facts)
        self.assertFalse(self._missing(ticket))
