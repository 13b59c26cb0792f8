# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QualityCapaEffectivenessWizard(models.TransientModel):
    _name = "quality.capa.effectiveness.wizard"
    _description = "Record the Effectiveness Check of a CAPA Action"

    capa_action_id = fields.Many2one(
        comodel_name="quality.capa.action",
        string="Action",
        required=True,
        ondelete="cascade",
    )
    effectiveness_result = fields.Selection(
        selection=[("effective", "Effective"), ("not_effective", "Not Effective")],
        string="Result",
        required=True,
    )
    effectiveness_note = fields.Text(
        string="How Was It Verified?",
        required=True,
        help="E.g. 'Three further batches inspected, no crack found.'",
    )

    def action_confirm(self):
        self.ensure_one()
        self.capa_action_id._record_effectiveness(
            self.effectiveness_result, self.effectiveness_note
        )
        return {"type": "ir.actions.act_window_close"}
