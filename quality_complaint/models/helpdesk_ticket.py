# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    is_quality_complaint = fields.Boolean(
        string="Quality Complaint",
        compute="_compute_is_quality_complaint",
        store=True,
        readonly=False,
        index=True,
        help="Set by the team: tickets of a quality team are quality complaints.",
    )

    # ------------------------------------------------------------------
    # Intake and assessment: product, lot, documents, 5W1H, defect,
    # severity, responsible party, warranty
    # ------------------------------------------------------------------

    # TEMP: declared by the assessment/ownership branches, drop at merge
    product_id = fields.Many2one("product.product", tracking=True)
    lot_id = fields.Many2one("stock.lot", tracking=True)
    complaint_qty = fields.Float()
    sale_order_id = fields.Many2one("sale.order")
    invoice_id = fields.Many2one("account.move")
    severity = fields.Selection(
        [("minor", "Minor"), ("general", "General"), ("serious", "Serious")],
        tracking=True,
    )
    problem_class = fields.Selection(
        [
            ("logistics_damage", "Logistics Damage"),
            ("improper_storage", "Improper Storage"),
            ("improper_use", "Improper Use"),
            ("product_spec", "Product Specification"),
            ("design", "Design"),
            ("production", "Production"),
            ("material", "Material"),
            ("service", "Service"),
        ],
        tracking=True,
    )
    responsible_party = fields.Selection(
        [
            ("company", "Company"),
            ("carrier", "Carrier"),
            ("distributor", "Distributor"),
            ("customer", "Customer"),
            ("supplier", "Supplier"),
        ],
        tracking=True,
    )
    carrier_id = fields.Many2one("res.partner")
    distributor_id = fields.Many2one("res.partner")
    supplier_id = fields.Many2one("res.partner")
    customer_kind = fields.Selection(
        [("retail", "Retail Consumer"), ("distributor", "Distributor")]
    )
    first_responsible_id = fields.Many2one("res.users", tracking=True)
    # END TEMP

    # ------------------------------------------------------------------
    # Ownership and time: first-responsible person, deadlines, breaches
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Root cause and corrective/preventive actions
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("team_id.is_quality_team")
    def _compute_is_quality_complaint(self):
        for ticket in self:
            if ticket.team_id.is_quality_team:
                ticket.is_quality_complaint = True

    # ------------------------------------------------------------------
    # Assessment methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Ownership and time methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Root cause and CAPA methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Compensation: proposals and their approval chain
    # ------------------------------------------------------------------

    compensation_ids = fields.One2many(
        "quality.compensation", "ticket_id", string="Compensation Proposals"
    )
    compensation_count = fields.Integer(compute="_compute_compensation_count")

    @api.depends("compensation_ids")
    def _compute_compensation_count(self):
        for ticket in self:
            ticket.compensation_count = len(ticket.compensation_ids)

    def action_view_compensation(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_complaint.quality_compensation_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        if len(self.compensation_ids) == 1:
            action.update(views=[(False, "form")], res_id=self.compensation_ids.id)
        return action

    def action_propose_compensation(self):
        self.ensure_one()
        return {
            "name": self.env._("Propose Compensation"),
            "type": "ir.actions.act_window",
            "res_model": "quality.compensation",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_ticket_id": self.id},
        }
