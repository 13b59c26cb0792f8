# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
"""Fixtures shared by the recovery tests (no test methods here)."""

import base64

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.quality_complaint.tests.compensation_common import (
    USER,
    CompensationCommon,
)


class RecoveryCommon(CompensationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.freight_account = cls.company.expense_account_id
        cls.income_account = cls.company.income_account_id
        cls.company.write(
            {
                "quality_carrier_deduction_mode": "credit_note",
                "quality_rebate_shortfall_rule": "refuse",
                "quality_freight_account_id": cls.freight_account.id,
                "quality_recovery_account_id": cls.income_account.id,
            }
        )
        cls.rebate_account = cls.company._get_quality_rebate_account(create=True)
        # complaint staff with billing rights: drafts, never posts
        cls.clerk = new_test_user(
            cls.env,
            login="qc_clerk",
            groups=f"base.group_user,account.group_account_invoice,{USER}",
        )
        cls.team.user_ids |= cls.clerk
        cls.carrier.is_carrier = True
        cls.distributor.is_distributor = True

    def _approved_with_recovery(self, party, amount, partner=None):
        """An approved proposal of ``amount`` fully recovered from ``party``."""
        partner = partner or getattr(self, party)
        comp = self._create_compensation(
            amount,
            recovery_ids=[
                Command.create(
                    {
                        "recovery_party": party,
                        "partner_id": partner.id,
                        "amount": amount,
                    }
                )
            ],
        )
        comp.action_submit()
        comp.with_user(self.head).validate_tier()
        comp.with_user(self.accountant).validate_tier()
        self.assertEqual(comp.state, "approved")
        return comp

    def _freight_bill(self, amount, post=True, company=None):
        company = company or self.company
        bill = (
            self.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": "in_invoice",
                    "partner_id": self.carrier.id,
                    "invoice_date": "2026-10-31",
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Freight October",
                                "quantity": 1,
                                "price_unit": amount,
                                "account_id": company.expense_account_id.id,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        if post:
            bill.action_post()
        return bill

    def _rebate_accrual(self, amount):
        move = self.env["account.move"].create(
            {
                "move_type": "entry",
                "ref": "Rebate accrual",
                "line_ids": [
                    Command.create(
                        {
                            "name": "Rebate",
                            "account_id": self.freight_account.id,
                            "debit": amount,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Rebate",
                            "account_id": self.rebate_account.id,
                            "partner_id": self.distributor.id,
                            "credit": amount,
                        }
                    ),
                ],
            }
        )
        move.action_post()
        return move

    def _evidence(self, name="signed_delivery_note.png"):
        return self.env["ir.attachment"].create(
            {
                "name": name,
                "datas": base64.b64encode(b"\x89PNG\r\n\x1a\n evidence"),
                "res_model": "helpdesk.ticket",
                "res_id": self.ticket.id,
            }
        )

    def _lines(self, move):
        """(account, partner, debit, credit) of every journal item, sorted."""
        return sorted(
            (ln.account_id.id, ln.partner_id.id, ln.debit, ln.credit)
            for ln in move.line_ids
        )
