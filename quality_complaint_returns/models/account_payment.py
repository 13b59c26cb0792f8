# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountPayment(models.Model):
    _inherit = "account.payment"

    quality_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        index="btree_not_null",
        copy=False,
        domain="[('is_quality_complaint', '=', True)]",
    )
    quality_compensation_id = fields.Many2one(
        "quality.compensation",
        string="Compensation Proposal",
        index="btree_not_null",
        copy=False,
    )

    def action_post(self):
        if self.filtered("quality_ticket_id"):
            self.env["account.move"]._ensure_quality_accountant()
        return super().action_post()

    def _generate_journal_entry(
        self, write_off_line_vals=None, force_balance=None, line_ids=None
    ):
        res = super()._generate_journal_entry(
            write_off_line_vals=write_off_line_vals,
            force_balance=force_balance,
            line_ids=line_ids,
        )
        for payment in self.filtered("quality_ticket_id"):
            payment.move_id.write(payment._prepare_quality_move_link_vals())
        return res

    def _prepare_quality_move_link_vals(self):
        """Complaint link of the payment's journal entry (_generate_journal_entry)."""
        return {
            "quality_ticket_id": self.quality_ticket_id.id,
            "quality_compensation_id": self.quality_compensation_id.id,
            "quality_move_kind": "cash",
        }
