# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    # TEMP: declared by the returns branch, drop at merge
    quality_quarantine_location_id = fields.Many2one(
        "stock.location",
        string="Quarantine Location",
        domain="[('usage', '=', 'internal'), ('company_id', '=', company_id)]",
        check_company=True,
    )

    def _quality_get_quarantine_location(self):
        """The warehouse's quarantine location, created when missing."""
        self.ensure_one()
        if not self.quality_quarantine_location_id:
            location = self.env["stock.location"].search(
                [
                    ("location_id", "=", self.view_location_id.id),
                    ("name", "=", "Quarantine"),
                    ("usage", "=", "internal"),
                ],
                limit=1,
            ) or self.env["stock.location"].sudo().create(
                {
                    "name": "Quarantine",
                    "usage": "internal",
                    "location_id": self.view_location_id.id,
                    "company_id": self.company_id.id,
                }
            )
            self.sudo().quality_quarantine_location_id = location
        return self.quality_quarantine_location_id

    # END TEMP
