# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    quality_manager_id = fields.Many2one(
        comodel_name="res.users",
        help="Receives the complaints this user escalates and his deadline "
        "breaches. Empty: the leader of his sales team.",
    )

    def _get_owner_manager(self):
        """The manager a complaint owner escalates to."""
        self.ensure_one()
        manager = self.quality_manager_id or self.sale_team_id.user_id
        return manager if manager != self else self.browse()
