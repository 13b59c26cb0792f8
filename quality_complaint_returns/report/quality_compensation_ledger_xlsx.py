# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models

from ..models.account_move import RECOVERY_KINDS


class QualityCompensationLedgerXlsx(models.AbstractModel):
    _inherit = "report.quality_complaint.report_compensation_ledger_xlsx"

    def _get_xlsx_columns(self):
        return super()._get_xlsx_columns() + [
            ("document", self.env._("Document"), 18, "char"),
            ("document_date", self.env._("Document Date"), 12, "char"),
            ("document_state", self.env._("Document Status"), 12, "char"),
        ]

    def _get_document_rows(self, proposal):
        """One row per journal entry of the proposal, amounts in company
        currency: given (credit notes, cash, write-off) or recovered."""
        rows = list(super()._get_document_rows(proposal))
        moves = self.env["account.move"].search(
            [("quality_compensation_id", "=", proposal.id)], order="date, id"
        )
        rows += [self._prepare_move_row(proposal, move) for move in moves]
        return rows

    def _prepare_move_row(self, proposal, move):
        amount = abs(move.amount_total_signed)
        recovered = move.quality_move_kind in RECOVERY_KINDS
        return {
            "proposal": proposal.name,
            "complaint": proposal.ticket_id.number,
            "customer": move.partner_id.display_name,
            "row_kind": self.env._("Journal Entry"),
            "kind": self._selection_label(move, "quality_move_kind"),
            "amount": 0.0 if recovered else amount,
            "recovered": amount if recovered else 0.0,
            "currency": move.company_currency_id.name,
            "document": move.name,
            "document_date": str(move.date),
            "document_state": self._selection_label(move, "state"),
        }
