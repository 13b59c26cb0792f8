# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QualityCompensationDocumentMixin(models.AbstractModel):
    """Links of a document (repair, sale order) made to carry out a
    compensation line."""

    _name = "quality.compensation.document.mixin"
    _description = "Document Carrying Out Complaint Compensation"

    quality_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        index="btree_not_null",
        copy=False,
        check_company=True,
    )
    quality_compensation_id = fields.Many2one(
        "quality.compensation",
        string="Compensation",
        index="btree_not_null",
        copy=False,
        check_company=True,
    )
    quality_compensation_line_id = fields.Many2one(
        "quality.compensation.line",
        string="Compensation Line",
        index="btree_not_null",
        copy=False,
    )
