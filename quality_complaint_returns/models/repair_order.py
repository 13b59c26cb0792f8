# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import models


class RepairOrder(models.Model):
    _name = "repair.order"
    _inherit = ["repair.order", "quality.compensation.document.mixin"]

    def action_repair_done(self):
        res = super().action_repair_done()
        self.quality_compensation_line_id.sudo()._quality_update_execution()
        return res
