# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

GROUP_USER = "quality_complaint.quality_complaint_group_user"
GROUP_MANAGER = "quality_complaint.quality_complaint_group_manager"


class LotRecallCommon(BaseCommon):
    """A lot delivered to three customers; complaints filed on demand.

    Not collected by itself (no test methods): the test files subclass it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company.write(
            {
                "quality_recall_alert_complaints": 3,
                "quality_recall_alert_customers": 2,
                "quality_recall_alert_days": 30,
                "quality_recall_job_threshold": 20,
                "quality_recurring_defect_count": 3,
                "quality_recurring_defect_days": 90,
            }
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.suppliers = cls.env.ref("stock.stock_location_suppliers")
        cls.product = cls.env["product.product"].create(
            {
                "name": "Recall Tile",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
            }
        )
        cls.lot = cls.env["stock.lot"].create(
            {"name": "LOTRECALL-1", "product_id": cls.product.id}
        )
        cls.category = cls.env["quality.defect.category"].create(
            {
                "name": "Recall test: shade variation",
                "default_problem_class": "product_spec",
            }
        )
        cls._create_recall_partners()
        cls._create_recall_users()
        cls._create_recall_history()

    @classmethod
    def _create_recall_partners(cls):
        Partner = cls.env["res.partner"]
        cn, us = cls.env.ref("base.cn"), cls.env.ref("base.us")
        cls.partner_a = Partner.create(
            {
                "name": "Shop A",
                "is_company": True,
                "email": "a@example.com",
                "country_id": cn.id,
            }
        )
        cls.partner_b = Partner.create(
            {
                "name": "Builder B",
                "is_company": True,
                "email": "b@example.com",
                "country_id": us.id,
            }
        )
        cls.partner_c = Partner.create(
            {
                "name": "Store C",
                "is_company": True,
                "email": "c@example.com",
                "country_id": us.id,
            }
        )

    @classmethod
    def _create_recall_users(cls):
        cls.quality_user = new_test_user(
            cls.env, login="recall_user", groups=f"{GROUP_USER},stock.group_stock_user"
        )
        cls.quality_manager = new_test_user(
            cls.env,
            login="recall_manager",
            groups=f"{GROUP_MANAGER},stock.group_stock_user",
        )

    @classmethod
    def _create_recall_history(cls):
        with freeze_time("2026-03-01 08:00:00"):
            cls._transfer(cls.warehouse.in_type_id, cls.suppliers, cls.stock, None, 100)
        with freeze_time("2026-03-02 09:00:00"):
            cls.delivery_a = cls._transfer(
                cls.warehouse.out_type_id, cls.stock, cls.customers, cls.partner_a, 10
            )
            cls.delivery_b = cls._transfer(
                cls.warehouse.out_type_id, cls.stock, cls.customers, cls.partner_b, 20
            )
            cls.delivery_c = cls._transfer(
                cls.warehouse.out_type_id, cls.stock, cls.customers, cls.partner_c, 30
            )

    @classmethod
    def _transfer(cls, picking_type, src, dst, partner, qty):
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": picking_type.id,
                "partner_id": partner.id if partner else False,
                "location_id": src.id,
                "location_dest_id": dst.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": qty,
                            "location_id": src.id,
                            "location_dest_id": dst.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        move = picking.move_ids
        move.move_line_ids.unlink()
        move.move_line_ids = [
            Command.create(
                {
                    "picking_id": picking.id,
                    "product_id": cls.product.id,
                    "lot_id": cls.lot.id,
                    "quantity": qty,
                    "location_id": src.id,
                    "location_dest_id": dst.id,
                }
            )
        ]
        move.picked = True
        picking.button_validate()
        assert picking.state == "done", picking.state
        return picking

    def _complain(self, partner, **values):
        vals = {
            "name": f"Complaint of {partner.name}",
            "description": "Defective tiles",
            "partner_id": partner.id,
            "is_quality_complaint": True,
            "product_id": self.product.id,
            "lot_id": self.lot.id,
            "complaint_qty": 2,
            "severity": "general",
            "problem_class": "product_spec",
        }
        vals.update(values)
        return self.env["helpdesk.ticket"].create(vals)

    def _recalls(self, lot=None):
        return self.env["quality.lot.recall"].search(
            [("lot_id", "=", (lot or self.lot).id)]
        )

    def _decided_recall(self, decision="recall"):
        recall = self.env["quality.lot.recall"].create({"lot_id": self.lot.id})
        recall.write(
            {
                "sample_test_result": "fail",
                "sample_test_date": "2026-04-01",
                "decision": decision,
            }
        )
        recall.action_decide()
        return recall
