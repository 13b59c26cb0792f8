# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QualityComplaintWhy(models.Model):
    _name = "quality.complaint.why"
    _description = "Quality Complaint 5 Why Step"
    _order = "ticket_id, sequence, id"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="ticket_id.company_id", store=True, index=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    question = fields.Char(
        required=True, help="The question of this step, e.g. 'Why did the tile crack?'"
    )
    answer = fields.Text(help="The answer, which leads to the next 'Why ...?'.")
