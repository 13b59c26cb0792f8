# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .assessment_common import QualityAssessmentCommon


@tagged("post_install", "-at_install")
class TestCustomerKind(QualityAssessmentCommon):
    """Retail consumer or distributor, from the commercial partner."""

    def test_kind_from_commercial_partner(self):
        self.assertEqual(
            self._ticket(partner_id=self.distributor_contact.id).customer_kind,
            "distributor",
        )
        self.assertEqual(
            self._ticket(partner_id=self.retail.id).customer_kind, "retail"
        )
        self.assertFalse(self._ticket().customer_kind)

    def test_kind_follows_partner_flag(self):
        ticket = self._ticket(partner_id=self.retail.id)
        self.retail.is_distributor = True
        self.assertEqual(ticket.customer_kind, "distributor")
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count(
                [("id", "=", ticket.id), ("customer_kind", "=", "distributor")]
            ),
            1,
        )

    def test_distributor_defaults_to_distributor_customer(self):
        ticket = self._ticket(partner_id=self.distributor_contact.id)
        self.assertEqual(ticket.distributor_id, self.distributor)
        self.assertFalse(self._ticket(partner_id=self.retail.id).distributor_id)
        other = self.env["res.partner"].create(
            {"name": "Other Dealer", "is_distributor": True}
        )
        ticket.distributor_id = other
        self.assertEqual(ticket.distributor_id, other, "the user may override")
