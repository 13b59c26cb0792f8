# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .ownership_common import USER, QualityOwnershipCommon


@tagged("post_install", "-at_install")
class TestOwnershipEscalation(QualityOwnershipCommon):
    """The owner escalates to his manager but keeps the complaint."""

    def test_escalation_records_and_notifies_without_handover(self):
        ticket = self._create_complaint()
        ticket.with_user(self.salesperson).action_escalate_to_manager()
        self.assertEqual(ticket.first_responsible_id, self.salesperson)
        self.assertEqual(ticket.escalated_to_id, self.manager)
        self.assertTrue(ticket.escalation_date)
        activity = ticket.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("quality_complaint.mail_activity_type_quality_escalation")
        )
        self.assertEqual(activity.user_id, self.manager)
        message = ticket.message_ids.filtered(
            lambda m: self.manager.partner_id in m.partner_ids
        )
        self.assertTrue(message, "the manager is notified in the chatter")

    def test_only_owner_or_manager_escalates(self):
        ticket = self._create_complaint()
        with self.assertRaises(UserError):
            ticket.with_user(self.colleague).action_escalate_to_manager()
        self.assertFalse(ticket.escalated_to_id)

    def test_owner_manager_falls_back_to_sales_team_leader(self):
        leader = new_test_user(self.env, login="qc_leader", groups="base.group_user")
        seller = new_test_user(
            self.env, login="qc_seller2", groups=f"base.group_user,{USER}"
        )
        self.env["crm.team"].create(
            {
                "name": "QC East",
                "user_id": leader.id,
                "crm_team_member_ids": [Command.create({"user_id": seller.id})],
            }
        )
        self.assertEqual(seller._get_owner_manager(), leader)
        seller.quality_manager_id = self.manager
        self.assertEqual(seller._get_owner_manager(), self.manager)

    def test_escalation_without_manager_is_refused(self):
        ticket = self._create_complaint(self.consumer)
        with self.assertRaises(UserError):
            ticket.with_user(self.hotline).action_escalate_to_manager()
