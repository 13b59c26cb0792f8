# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .recovery_common import RecoveryCommon


@tagged("post_install", "-at_install")
class TestRecoveryCarrier(RecoveryCommon):
    def setUp(self):
        super().setUp()
        self.ticket.write(
            {
                "responsible_party": "carrier",
                "carrier_id": self.carrier.id,
                "carrier_delivery_note_ids": [(4, self._evidence().id)],
                "damage_photo_ids": [(4, self._evidence("broken_crate.png").id)],
            }
        )

    def test_credit_note_matched_to_freight_bill(self):
        bill = self._freight_bill(3000)
        comp = self._approved_with_recovery("carrier", 1000)
        comp.with_user(self.clerk).action_quality_charge_carrier()
        recovery = comp.recovery_ids
        refund = recovery.move_id
        self.assertEqual(refund.move_type, "in_refund")
        self.assertEqual(refund.state, "draft")
        self.assertEqual(recovery.state, "draft")
        self.assertEqual(refund.quality_move_kind, "carrier_deduction")
        self.assertEqual(refund.quality_ticket_id, self.ticket)
        self.assertEqual(refund.quality_compensation_id, comp)
        evidence = self.env["ir.attachment"].search(
            [("res_model", "=", "account.move"), ("res_id", "=", refund.id)]
        )
        self.assertEqual(
            sorted(evidence.mapped("name")),
            ["broken_crate.png", "signed_delivery_note.png"],
        )
        with self.assertRaises(AccessError):
            refund.with_user(self.clerk).action_post()
        refund.with_user(self.accountant).action_post()
        payable = self.carrier.property_account_payable_id
        self.assertEqual(
            self._lines(refund),
            sorted(
                [
                    (self.freight_account.id, self.carrier.id, 0.0, 1000.0),
                    (payable.id, self.carrier.id, 1000.0, 0.0),
                ]
            ),
        )
        self.assertEqual(recovery.state, "posted")
        self.assertEqual(refund.amount_residual, 0.0)
        self.assertEqual(bill.amount_residual, 2000.0)
        self.assertEqual(bill.payment_state, "partial")

    def test_charge_is_idempotent(self):
        comp = self._approved_with_recovery("carrier", 400)
        comp.with_user(self.clerk).action_quality_charge_carrier()
        move = comp.recovery_ids.move_id
        with self.assertRaisesRegex(UserError, "Nothing left to charge"):
            comp.with_user(self.clerk).action_quality_charge_carrier()
        self.assertEqual(
            self.env["account.move"].search_count(
                [("quality_compensation_id", "=", comp.id)]
            ),
            1,
        )
        # a cancelled deduction may be charged again, once
        move.button_cancel()
        self.assertEqual(comp.recovery_ids.state, "cancel")
        comp.action_quality_charge_carrier()
        self.assertNotEqual(comp.recovery_ids.move_id, move)
        self.assertEqual(comp.recovery_ids.state, "draft")

    def test_bill_line_mode_deducts_on_draft_bill(self):
        self.company.quality_carrier_deduction_mode = "bill_line"
        bill = self._freight_bill(2500, post=False)
        comp = self._approved_with_recovery("carrier", 1000)
        comp.with_user(self.clerk).action_quality_charge_carrier()
        recovery = comp.recovery_ids
        self.assertEqual(recovery.move_id, bill)
        self.assertEqual(bill.amount_total, 1500.0)
        line = bill.invoice_line_ids.filtered("quality_recovery_id")
        self.assertEqual(line.price_subtotal, -1000.0)
        self.assertEqual(line.account_id, self.freight_account)
        with self.assertRaises(AccessError):
            bill.with_user(self.clerk).action_post()
        bill.with_user(self.accountant).action_post()
        self.assertEqual(recovery.state, "posted")
        payable = bill.line_ids.filtered(
            lambda ln: ln.account_id.account_type == "liability_payable"
        )
        self.assertEqual((payable.debit, payable.credit), (0.0, 1500.0))
        self.assertEqual(bill.amount_residual, 1500.0)

    def test_bill_line_mode_without_draft_bill_uses_credit_note(self):
        self.company.quality_carrier_deduction_mode = "bill_line"
        comp = self._approved_with_recovery("carrier", 300)
        comp.action_quality_charge_carrier()
        self.assertEqual(comp.recovery_ids.move_id.move_type, "in_refund")

    def test_complaint_user_without_billing_cannot_draft(self):
        comp = self._approved_with_recovery("carrier", 300)
        with self.assertRaises(AccessError):
            comp.with_user(self.salesperson).action_quality_charge_carrier()
        self.assertFalse(comp.recovery_ids.move_id)

    def test_only_approved_proposals_are_charged(self):
        comp = self._create_compensation(300)
        with self.assertRaises(UserError):
            comp.action_quality_charge_carrier()

    def test_accountant_charges_and_posts(self):
        """Accounting without complaint rights may execute the recovery."""
        bill = self._freight_bill(500)
        comp = self._approved_with_recovery("carrier", 800)
        comp.with_user(self.accountant).action_quality_charge_carrier()
        refund = comp.recovery_ids.move_id
        refund.with_user(self.accountant).action_post()
        self.assertEqual(bill.amount_residual, 0.0)
        # the rest stays on the credit note, deducted from the next bill
        self.assertEqual(refund.amount_residual, 300.0)
        next_bill = self._freight_bill(1000)
        self.assertEqual(next_bill.amount_residual, 700.0)
        self.assertEqual(refund.amount_residual, 0.0)

    def test_accounting_manager_posts(self):
        manager = new_test_user(
            self.env, login="qc_acc_manager", groups="account.group_account_manager"
        )
        comp = self._approved_with_recovery("carrier", 200)
        comp.with_user(self.clerk).action_quality_charge_carrier()
        comp.recovery_ids.move_id.with_user(manager).action_post()
        self.assertEqual(comp.recovery_ids.state, "posted")

    def test_credit_note_matched_to_foreign_currency_bill(self):
        """The deduction is in company currency; a bill in another currency
        drops by the converted amount."""
        foreign = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search(
                [
                    ("id", "!=", self.company.currency_id.id),
                    ("name", "in", ("EUR", "CHF")),
                ],
                limit=1,
            )
        )
        foreign.active = True
        self.env["res.currency.rate"].create(
            {
                "currency_id": foreign.id,
                "rate": 2.0,
                "name": "2020-01-01",
                "company_id": self.company.id,
            }
        )
        bill = self._freight_bill(2000, post=False)
        bill.currency_id = foreign
        bill.action_post()
        comp = self._approved_with_recovery("carrier", 400)
        comp.action_quality_charge_carrier()
        refund = comp.recovery_ids.move_id
        self.assertEqual(refund.currency_id, self.company.currency_id)
        refund.action_post()
        self.assertEqual(refund.amount_residual, 0.0)
        self.assertEqual(bill.amount_residual, 1200.0)
