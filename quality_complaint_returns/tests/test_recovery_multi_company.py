# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from .recovery_common import RecoveryCommon


@tagged("post_install", "-at_install")
class TestRecoveryMultiCompany(RecoveryCommon):
    def test_deduction_booked_in_the_complaint_company(self):
        branch = self.env["res.company"].create(
            {"name": "QC Branch", "currency_id": self.company.currency_id.id}
        )
        self.env["account.chart.template"].try_loading(
            "generic_coa", branch, install_demo=False
        )
        self.env["tier.definition"].search(
            [("model", "=", "quality.compensation")]
        ).active = False
        env = self.env(context=dict(self.env.context, allowed_company_ids=[branch.id]))
        ticket = self._create_ticket(
            team_id=env["helpdesk.ticket.team"]
            .create({"name": "QC Branch", "is_quality_team": True})
            .id,
            company_id=branch.id,
        )
        comp = env["quality.compensation"].create(
            {
                "ticket_id": ticket.id,
                "line_ids": [
                    Command.create(
                        {"compensation_type": "cash", "quantity": 1, "price_unit": 300}
                    )
                ],
                "recovery_ids": [
                    Command.create(
                        {
                            "recovery_party": "carrier",
                            "partner_id": self.carrier.id,
                            "amount": 300,
                        }
                    )
                ],
            }
        )
        comp.action_submit()
        self.assertEqual((comp.state, comp.company_id), ("approved", branch))
        home_bill = self._freight_bill(1000)
        branch_bill = self._freight_bill(1000, company=branch)
        comp.action_quality_charge_carrier()
        refund = comp.recovery_ids.move_id
        self.assertEqual(refund.company_id, branch)
        self.assertEqual(refund.journal_id.company_id, branch)
        line = refund.invoice_line_ids
        self.assertEqual(line.account_id, branch.expense_account_id)
        refund.action_post()
        self.assertEqual(branch_bill.amount_residual, 700.0)
        self.assertEqual(home_bill.amount_residual, 1000.0)
