# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QualityCompensation(models.Model):
    _inherit = "quality.compensation"

    quality_recovery_move_ids = fields.Many2many(
        "account.move",
        string="Recovery Entries",
        compute="_compute_quality_recovery_todo",
    )
    quality_recovery_move_count = fields.Integer(
        compute="_compute_quality_recovery_todo"
    )
    quality_carrier_todo = fields.Boolean(compute="_compute_quality_recovery_todo")
    quality_distributor_todo = fields.Boolean(compute="_compute_quality_recovery_todo")
    quality_supplier_todo = fields.Boolean(compute="_compute_quality_recovery_todo")

    @api.depends("recovery_ids.state", "recovery_ids.move_id")
    def _compute_quality_recovery_todo(self):
        for rec in self:
            todo = rec.recovery_ids.filtered(
                lambda r: r.state in ("pending", "cancel")
            ).mapped("recovery_party")
            rec.quality_carrier_todo = "carrier" in todo
            rec.quality_distributor_todo = "distributor" in todo
            rec.quality_supplier_todo = "supplier" in todo
            rec.quality_recovery_move_ids = rec.recovery_ids.move_id
            rec.quality_recovery_move_count = len(rec.recovery_ids.move_id)

    def action_quality_charge_carrier(self):
        return self._action_quality_charge_party("carrier")

    def action_quality_deduct_rebate(self):
        return self._action_quality_charge_party("distributor")

    def action_quality_claim_supplier(self):
        return self._action_quality_charge_party("supplier")

    def action_view_quality_recovery_moves(self):
        self.ensure_one()
        return self._get_quality_moves_action(self.recovery_ids.move_id)

    def _action_quality_charge_party(self, party):
        """Draft one journal entry per open recovery of ``party``; the proposal
        row is locked so that two clicks never charge a partner twice."""
        self.ensure_one()
        self._ensure_state(["approved"])
        self.lock_for_update()
        self.recovery_ids.invalidate_recordset()
        todo = self.recovery_ids.filtered(
            lambda r: r.recovery_party == party and r.state in ("pending", "cancel")
        )
        if not todo:
            raise UserError(
                self.env._("Nothing left to charge on proposal %s.", self.name)
            )
        return self._get_quality_moves_action(todo._action_quality_charge())

    def _get_quality_moves_action(self, moves):
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Recovery Entries"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
            "context": {"create": False},
        }
        if len(moves) == 1:
            action.update(view_mode="form", res_id=moves.id)
        return action
