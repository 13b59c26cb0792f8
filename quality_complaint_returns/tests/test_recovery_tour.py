# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.quality_complaint.tests.compensation_common import USER

from .recovery_common import RecoveryCommon


@tagged("post_install", "-at_install")
class TestRecoveryTour(RecoveryCommon, HttpCase):
    def test_accountant_posts_carrier_deduction(self):
        """An accountant opens an approved proposal, charges the carrier and
        posts the vendor credit note."""
        new_test_user(
            self.env,
            login="qc_tour_accountant",
            groups=f"base.group_user,account.group_account_user,{USER}",
        )
        bill = self._freight_bill(2000)
        comp = self._approved_with_recovery("carrier", 800)
        self.start_tour(
            f"/odoo/action-quality_complaint.quality_compensation_action/{comp.id}",
            "quality_carrier_deduction_tour",
            login="qc_tour_accountant",
        )
        refund = comp.recovery_ids.move_id
        self.assertEqual(refund.state, "posted")
        self.assertEqual(refund.move_type, "in_refund")
        self.assertEqual(bill.amount_residual, 1200.0)
