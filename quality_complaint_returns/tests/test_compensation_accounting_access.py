# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .accounting_common import QualityAccountingCommon


@tagged("post_install", "-at_install")
class TestCompensationAccountingAccess(QualityAccountingCommon):
    def test_staff_without_invoicing_rights_cannot_draft(self):
        proposal = self._approved_proposal([self._refund_line(quantity=1.0)])
        with self.assertRaises(UserError):
            proposal.with_user(self.staff).action_create_credit_notes()
        with self.assertRaises(UserError):
            proposal.with_user(self.staff).action_create_payments()

    def test_billing_staff_drafts_but_cannot_post(self):
        proposal = self._approved_proposal([self._refund_line(quantity=1.0)])
        proposal.with_user(self.staff_billing).action_create_credit_notes()
        refund = proposal.line_ids.account_move_id
        self.assertEqual(refund.state, "draft")
        with self.assertRaises(AccessError):
            refund.with_user(self.staff_billing).action_post()
        self.assertEqual(refund.state, "draft")
        refund.with_user(self.accountant).action_post()
        self.assertEqual(refund.state, "posted")

    def test_accountant_only_writes_off(self):
        proposal = self._approved_proposal([self._refund_line(quantity=1.0)])
        with self.assertRaises(AccessError):
            proposal.with_user(self.staff).action_write_off()

    def test_other_company_credit_note(self):
        other = self.setup_other_company(name="QC Other Co")["company"]
        self.env.user.company_ids += other
        env = self.env(context=dict(self.env.context, allowed_company_ids=other.ids))
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": "2026-01-15",
                "invoice_line_ids": [
                    (
                        0,
                        0,
                        {"product_id": self.tile.id, "quantity": 5, "price_unit": 20},
                    )
                ],
            }
        )
        invoice.action_post()
        team = env["helpdesk.ticket.team"].create(
            {"name": "QC other", "is_quality_team": True, "company_id": other.id}
        )
        ticket = self._create_complaint(
            invoice, team_id=team.id, company_id=other.id, defect_category_id=False
        ).with_env(env)
        proposal = self._approved_proposal(
            [self._refund_line(quantity=1.0, price=20.0)], ticket
        ).with_env(env)
        proposal.action_create_credit_notes()
        refund = proposal.line_ids.account_move_id
        self.assertEqual(refund.company_id, other)
        self.assertEqual(refund.journal_id.company_id, other)
        self.assertAlmostEqual(refund.amount_untaxed, 20.0)
