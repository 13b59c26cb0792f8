# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""SQL query ceilings of the complaint's hot paths (issue 9). Each test warms
the caches with one call, then counts a second identical call: cold counts
depend on what ran before. The ceiling is a little above the count measured
when the test was written (in the comment): raise it only with a reason."""

from odoo.tests import tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestQueryCounts(CompensationCommon):
    def _create_complaint(self, name):
        """As in production: tracking, followers and notifications on (the
        test classes switch them off in their context)."""
        return (
            self.env(context={})["helpdesk.ticket"]
            .with_user(self.hotline)
            .create(
                {
                    "name": name,
                    "description": "Cracked on arrival",
                    "team_id": self.team.id,
                    "partner_id": self.customer.id,
                    "user_id": self.salesperson.id,
                    "product_id": self.product.id,
                    "lot_id": self.lot.id,
                    "complaint_qty": 10,
                    "severity": "general",
                    "problem_class": "production",
                    "responsible_party": "company",
                    "customer_kind": "retail",
                }
            )
        )

    def test_complaint_creation(self):
        self._create_complaint("Warm-up")
        # measured: 46 (helpdesk_mgmt and mail: sequence, stage, followers,
        # the owner's assignment notification are most of it)
        with self.assertQueryCount(52):
            ticket = self._create_complaint("Counted")
        self.assertTrue(ticket.is_quality_complaint)

    def _count(self, create):
        """Queries of ``create()`` once warm (flushed before and after)."""
        create()
        self.env.flush_all()
        count0 = self.cr.sql_log_count
        record = create()
        self.env.flush_all()
        return self.cr.sql_log_count - count0, record

    def test_complaint_overhead_over_helpdesk_ticket(self):
        """What the complaint adds to a plain helpdesk_mgmt ticket created the
        same way (same creator, assignee, customer; a team that is not a
        quality team): helpdesk_mgmt and mail alone cost 32 queries here
        (sequence, stage, followers, the assignment e-mail), so the issue's
        30 is below what a helpdesk ticket costs; our part is what we own."""
        plain_team = self.team.copy({"name": "QC plain", "is_quality_team": False})
        tickets = self.env(context={})["helpdesk.ticket"].with_user(self.hotline)
        plain, ticket = self._count(
            lambda: tickets.create(
                {
                    "name": "Plain",
                    "description": "Cracked on arrival",
                    "team_id": plain_team.id,
                    "partner_id": self.customer.id,
                    "user_id": self.salesperson.id,
                }
            )
        )
        self.assertFalse(ticket.is_quality_complaint)
        ours, complaint = self._count(lambda: self._create_complaint("Counted"))
        self.assertTrue(complaint.is_quality_complaint)
        # measured: 42 vs 32, 10 more (owner, deadlines, acknowledgement, checks)
        self.assertLessEqual(
            ours - plain, 14, f"complaint {ours} queries, plain ticket {plain}"
        )

    def _submitted(self, amount):
        comp = self._create_compensation(amount)
        comp.with_user(self.salesperson).action_submit()
        self.assertEqual(comp.state, "to_approve")
        return comp

    def _first_reviewer(self, comp):
        for user in (self.accountant, self.head, self.director):
            if comp.with_user(user)._get_sequences_to_approve(user):
                return user
        self.fail(f"nobody may approve {comp.name}")

    def test_one_approval(self):
        warm, counted = self._submitted(1000.0), self._submitted(1000.0)
        reviewer = self._first_reviewer(warm)
        warm.with_user(reviewer).validate_tier()
        self.assertEqual(self._first_reviewer(counted), reviewer)
        # measured: 23 (target of issue 9: 25)
        with self.assertQueryCount(25):
            counted.with_user(reviewer).validate_tier()
        self.assertNotEqual(self._first_reviewer(counted), reviewer)
