# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestQuarantineLocation(BaseCommon):
    def test_existing_warehouses_have_one(self):
        for warehouse in self.env["stock.warehouse"].search([]):
            location = warehouse.quality_quarantine_location_id
            self.assertEqual(location.usage, "internal")
            self.assertEqual(location.location_id, warehouse.view_location_id)

    def test_new_warehouse_gets_one(self):
        warehouse = self.env["stock.warehouse"].create(
            {"name": "QC WH", "code": "QCWH"}
        )
        location = warehouse.quality_quarantine_location_id
        self.assertEqual(location.name, "Quarantine")
        self.assertEqual(location.usage, "internal")
        self.assertEqual(location.warehouse_id, warehouse)
        self.assertEqual(location.company_id, warehouse.company_id)

    def test_missing_one_is_created(self):
        warehouse = self.env["stock.warehouse"].create(
            {"name": "QC WH2", "code": "QCW2"}
        )
        warehouse.quality_quarantine_location_id = False
        self.env["stock.warehouse"]._quality_create_quarantine_locations()
        self.assertTrue(warehouse.quality_quarantine_location_id)
