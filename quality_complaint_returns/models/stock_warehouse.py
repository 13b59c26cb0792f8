# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class StockWarehouse(models.Model):
    _inherit = "stock.warehouse"

    quality_quarantine_location_id = fields.Many2one(
        "stock.location",
        string="Quarantine Location",
        domain="[('usage', '=', 'internal'), ('company_id', '=', company_id)]",
        check_company=True,
        help="Goods returned by customers on a complaint wait here for a "
        "decision: scrap, back to stock or back to the supplier.",
    )

    def _get_locations_values(self, vals, code=False):
        values = super()._get_locations_values(vals, code=code)
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        company_id = vals.get(
            "company_id", self.default_get(["company_id"])["company_id"]
        )
        values["quality_quarantine_location_id"] = {
            "name": self.env._("Quarantine"),
            "active": True,
            "usage": "internal",
            "replenish_location": False,
            "barcode": self._valid_barcode(code + "QUARANTINE", company_id),
        }
        return values

    @api.model
    def _quality_create_quarantine_locations(self):
        """Data function (install and update): quarantine locations of the
        warehouses created before this module."""
        warehouses = self.with_context(active_test=False).search([])
        return warehouses._quality_ensure_quarantine_location()

    def _quality_ensure_quarantine_location(self):
        """Create the quarantine location of warehouses that have none."""
        for warehouse in self.filtered(lambda w: not w.quality_quarantine_location_id):
            values = warehouse._get_locations_values(
                {"company_id": warehouse.company_id.id}, warehouse.code
            )["quality_quarantine_location_id"]
            values.update(
                location_id=warehouse.view_location_id.id,
                company_id=warehouse.company_id.id,
            )
            location = self.env["stock.location"].create(values)
            warehouse.quality_quarantine_location_id = location
        return True

    def _quality_get_quarantine_location(self):
        """The warehouse's quarantine location, created when missing."""
        self.ensure_one()
        self.sudo()._quality_ensure_quarantine_location()
        return self.quality_quarantine_location_id
