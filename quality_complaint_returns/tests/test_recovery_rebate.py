# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .recovery_common import RecoveryCommon


@tagged("post_install", "-at_install")
class TestRecoveryRebate(RecoveryCommon):
    def setUp(self):
        super().setUp()
        self.ticket.write(
            {"responsible_party": "distributor", "problem_class": "improper_storage"}
        )
        self._rebate_accrual(600)

    def _balance(self):
        self.distributor.invalidate_recordset(["quality_rebate_balance"])
        return self.distributor.quality_rebate_balance

    def test_rebate_balance_and_lines(self):
        self.assertEqual(self._balance(), 600.0)
        action = self.distributor.action_view_quality_rebate_lines()
        lines = self.env["account.move.line"].search(action["domain"])
        self.assertEqual(lines.mapped("credit"), [600.0])
        self.assertEqual(lines.account_id, self.rebate_account)

    def test_deduction_within_balance(self):
        comp = self._approved_with_recovery("distributor", 500)
        comp.with_user(self.clerk).action_quality_deduct_rebate()
        move = comp.recovery_ids.move_id
        self.assertEqual(move.move_type, "entry")
        self.assertEqual(move.quality_move_kind, "rebate_deduction")
        self.assertEqual(
            self._lines(move),
            sorted(
                [
                    (self.rebate_account.id, self.distributor.id, 500.0, 0.0),
                    (self.income_account.id, self.distributor.id, 0.0, 500.0),
                ]
            ),
        )
        self.assertEqual(self._balance(), 600.0, "a draft does not count")
        with self.assertRaises(AccessError):
            move.with_user(self.clerk).action_post()
        move.with_user(self.accountant).action_post()
        self.assertEqual(self._balance(), 100.0)
        self.assertEqual(comp.recovery_ids.state, "posted")

    def test_shortfall_refused(self):
        comp = self._approved_with_recovery("distributor", 1000)
        with self.assertRaisesRegex(UserError, "600.00.*1,000.00"):
            comp.action_quality_deduct_rebate()
        self.assertFalse(comp.recovery_ids.move_id)
        self.assertEqual(comp.recovery_ids.state, "pending")

    def test_shortfall_refused_at_posting(self):
        """Two drafts may not together overdraw the balance."""
        first = self._approved_with_recovery("distributor", 400)
        second = self._approved_with_recovery("distributor", 400)
        first.action_quality_deduct_rebate()
        second.action_quality_deduct_rebate()
        first.recovery_ids.move_id.action_post()
        with self.assertRaisesRegex(UserError, "does not cover"):
            second.recovery_ids.move_id.action_post()

    def test_shortfall_booked_as_receivable(self):
        self.company.quality_rebate_shortfall_rule = "receivable"
        comp = self._approved_with_recovery("distributor", 1000)
        comp.action_quality_deduct_rebate()
        move = comp.recovery_ids.move_id
        receivable = self.distributor.property_account_receivable_id
        self.assertEqual(
            self._lines(move),
            sorted(
                [
                    (self.rebate_account.id, self.distributor.id, 600.0, 0.0),
                    (receivable.id, self.distributor.id, 400.0, 0.0),
                    (self.income_account.id, self.distributor.id, 0.0, 1000.0),
                ]
            ),
        )
        move.with_user(self.accountant).action_post()
        self.assertEqual(self._balance(), 0.0)
        due = move.line_ids.filtered(lambda ln: ln.account_id == receivable)
        self.assertEqual(due.amount_residual, 400.0)
        self.assertEqual(self.distributor.credit, 400.0)

    def test_rebate_account_created_on_first_use(self):
        company = self.env["res.company"].create({"name": "QC Other Co"})
        self.assertFalse(company.quality_rebate_account_id)
        self.assertFalse(company._get_quality_rebate_account())
        account = company._get_quality_rebate_account(create=True)
        self.assertEqual(account.account_type, "liability_current")
        self.assertEqual(company.quality_rebate_account_id, account)

    def test_rebate_balance_per_company(self):
        other = self.env["res.company"].create({"name": "QC Other Co"})
        self.assertEqual(
            self.distributor.with_company(other).quality_rebate_balance, 0.0
        )
        self.assertEqual(
            self.distributor.with_company(self.company).quality_rebate_balance, 600.0
        )

    def test_lock_date_respected(self):
        comp = self._approved_with_recovery("distributor", 100)
        comp.action_quality_deduct_rebate()
        move = comp.recovery_ids.move_id
        move.date = "2019-12-31"
        self.company.fiscalyear_lock_date = "2020-01-01"
        move.with_user(self.accountant).action_post()
        # Odoo moves the entry to the first open date, never into a locked period
        self.assertGreater(str(move.date), "2020-01-01")
        self.assertEqual(move.state, "posted")
