# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon

USER = "quality_complaint.quality_complaint_group_user"


@tagged("post_install", "-at_install")
class TestCompensationCoupon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        model = env["ir.model"]._get("quality.compensation")
        env["tier.definition"].search([("model_id", "=", model.id)]).active = False
        cls.staff = new_test_user(env, login="qcl_staff", groups=USER)
        cls.customer = env["res.partner"].create({"name": "QC Coupon Customer"})
        cls.program = env["loyalty.program"].create(
            {"name": "QC Complaint Coupons", "program_type": "coupons"}
        )
        team = env["helpdesk.ticket.team"].create(
            {
                "name": "QC coupons",
                "is_quality_team": True,
                "user_ids": [Command.set(cls.staff.ids)],
            }
        )
        cls.ticket = env["helpdesk.ticket"].create(
            {
                "name": "Scratched coating",
                "description": "Scratched",
                "team_id": team.id,
                "partner_id": cls.customer.id,
            }
        )
        cls.proposal = env["quality.compensation"].create(
            {
                "ticket_id": cls.ticket.id,
                "line_ids": [
                    Command.create(
                        {
                            "compensation_type": "coupon",
                            "name": "Coupon for the next order",
                            "product_id": False,
                            "quantity": 1.0,
                            "price_unit": 200.0,
                        }
                    )
                ],
            }
        )
        cls.proposal.action_submit()

    def test_coupon_needs_a_program(self):
        self.env.company.quality_complaint_loyalty_program_id = False
        with self.assertRaisesRegex(UserError, "coupon program"):
            self.proposal.with_user(self.staff).action_create_coupons()

    def test_coupon_creates_loyalty_card(self):
        self.env.company.quality_complaint_loyalty_program_id = self.program
        self.assertTrue(self.proposal.can_create_coupons)
        self.proposal.with_user(self.staff).action_create_coupons()
        line = self.proposal.line_ids
        card = line.loyalty_card_id
        self.assertRecordValues(
            card,
            [
                {
                    "program_id": self.program.id,
                    "partner_id": self.customer.id,
                    "points": 200.0,
                    "quality_ticket_id": self.ticket.id,
                    "quality_amount": 200.0,
                }
            ],
        )
        self.assertTrue(line.executed)
        self.assertEqual(self.proposal.loyalty_card_count, 1)
        self.assertFalse(self.proposal.can_create_coupons)
        self.assertAlmostEqual(self.proposal.net_cost, 200.0)
        self.assertAlmostEqual(self.ticket.quality_net_cost, 200.0)
        # the staff may read the card, not change it
        self.assertEqual(card.with_user(self.staff).points, 200.0)
        with self.assertRaises(UserError):
            self.proposal.with_user(self.staff).action_create_coupons()
