# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QualityComplaintBreach(models.Model):
    _name = "quality.complaint.breach"
    _description = "Quality Complaint Deadline Breach"
    _order = "detected_date desc, id desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="cascade",
    )
    owner_id = fields.Many2one(
        comodel_name="res.users",
        string="First-Responsible Person",
        index=True,
        help="The owner of the complaint when the deadline was missed.",
    )
    manager_id = fields.Many2one(
        comodel_name="res.users",
        help="The owner's manager, to whom the complaint was escalated.",
    )
    breach_type = fields.Selection(
        selection=[("response", "Response"), ("resolution", "Resolution")],
        string="Type",
        required=True,
    )
    deadline = fields.Datetime(required=True)
    detected_date = fields.Datetime(
        string="Detected On", required=True, default=fields.Datetime.now
    )
    hours_late = fields.Float(
        digits=(16, 1),
        aggregator="avg",
        help="Hours between the deadline and the detection.",
    )
    severity = fields.Selection(
        selection=[("minor", "Minor"), ("general", "General"), ("serious", "Serious")],
    )
    penalty_amount = fields.Monetary(
        string="Penalty",
        currency_field="currency_id",
        help="Charged to the owner, per the company's penalty for the severity.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(related="ticket_id.partner_id", string="Customer")
    team_id = fields.Many2one(related="ticket_id.team_id", store=True)

    _ticket_type_unique = models.UniqueIndex(
        "(ticket_id, breach_type)",
        "A complaint breaches each deadline only once.",
    )

    def _compute_display_name(self):
        labels = dict(self._fields["breach_type"]._description_selection(self.env))
        for breach in self:
            breach.display_name = self.env._(
                "%(ticket)s: %(type)s",
                ticket=breach.ticket_id.display_name,
                type=labels.get(breach.breach_type, ""),
            )
