# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCompensationTour(HttpCase):
    """A hotline operator proposes compensation in the browser; the department
    head and the director approve it, each in his own session."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        user_groups = (
            "quality_complaint.quality_complaint_group_user,"
            "sales_team.group_sale_salesman"
        )
        cls.head = new_test_user(
            env,
            login="qc_tour_head",
            groups="quality_complaint.quality_complaint_group_manager",
        )
        cls.director = new_test_user(
            env,
            login="qc_tour_director",
            groups="quality_complaint.quality_complaint_group_director",
        )
        cls.owner = new_test_user(env, login="qc_tour_owner", groups=user_groups)
        cls.owner.quality_manager_id = cls.head
        cls.hotline = new_test_user(env, login="qc_tour_hotline", groups=user_groups)
        team = env["helpdesk.ticket.team"].create(
            {
                "name": "QC Compensation Tour",
                "is_quality_team": True,
                "user_ids": [Command.set((cls.owner | cls.hotline | cls.head).ids)],
            }
        )
        customer = env["res.partner"].create(
            {"name": "Tour Distributor", "user_id": cls.owner.id}
        )
        product = env["product.product"].create(
            {"name": "Tour Tile", "type": "consu", "list_price": 600.0}
        )
        cls.ticket = env["helpdesk.ticket"].create(
            {
                "name": "Cracked tiles",
                "description": "Ten boxes cracked",
                "team_id": team.id,
                "partner_id": customer.id,
                "product_id": product.id,
                "complaint_qty": 10,
            }
        )
        # two tiers only, whatever the demo data defines
        model = env["ir.model"]._get("quality.compensation")
        env["tier.definition"].search([("model_id", "=", model.id)]).active = False
        tier = {
            "model_id": model.id,
            "definition_domain": "[]",
            "approve_sequence": True,
        }
        env["tier.definition"].create(
            dict(
                tier,
                name="Tour Department Head",
                review_type="field",
                reviewer_field_id=env.ref(
                    "quality_complaint.field_quality_compensation__owner_manager_id"
                ).id,
                sequence=30,
            )
        )
        env["tier.definition"].create(
            dict(
                tier,
                name="Tour Director",
                review_type="group",
                reviewer_group_id=env.ref(
                    "quality_complaint.quality_complaint_group_director"
                ).id,
                definition_domain="[('amount_total', '>', 5000)]",
                sequence=20,
            )
        )

    def test_propose_and_approve_through_two_tiers(self):
        self.assertEqual(self.ticket.first_responsible_id, self.owner)
        action = "action-quality_complaint.helpdesk_ticket_action_quality_complaint"
        url = f"/odoo/{action}/{self.ticket.id}"
        self.start_tour(
            url, "quality_compensation_propose_tour", login="qc_tour_hotline"
        )
        proposal = self.ticket.compensation_ids
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.state, "to_approve")
        self.assertEqual(proposal.proposer_id, self.hotline)
        self.assertEqual(proposal.owner_id, self.owner)
        self.assertEqual(proposal.amount_total, 6000)
        self.assertEqual(proposal.next_reviewer_ids, self.head)

        proposal_url = (
            f"/odoo/action-quality_complaint.quality_compensation_action/{proposal.id}"
        )
        self.start_tour(
            proposal_url, "quality_compensation_approve_tour", login="qc_tour_head"
        )
        proposal.invalidate_recordset()
        self.assertEqual(proposal.state, "to_approve")
        self.assertIn(self.director, proposal.next_reviewer_ids)

        self.start_tour(
            proposal_url, "quality_compensation_approve_tour", login="qc_tour_director"
        )
        proposal.invalidate_recordset()
        self.assertEqual(proposal.state, "approved")
        reviews = proposal.review_ids.sorted("sequence")
        self.assertEqual(reviews.mapped("status"), ["approved", "approved"])
        self.assertEqual(
            set(reviews.mapped("done_by.login")), {"qc_tour_head", "qc_tour_director"}
        )
