# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_distributor = fields.Boolean(
        string="Distributor",
        help="A dealer who resells our products; complaints of its customers "
        "can be charged to its rebate.",
    )
    is_carrier = fields.Boolean(
        string="Carrier",
        help="A freight forwarder; transport damage is deducted from its freight bill.",
    )
