# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestLotAffectedCustomers(BaseCommon):
    """A lot delivered to three customers, partly returned, passed on once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.suppliers = cls.env.ref("stock.stock_location_suppliers")
        cls.product = cls.env["product.product"].create(
            {
                "name": "Recall Test Tile",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
            }
        )
        cls.lot1, cls.lot2, cls.lot3 = cls.env["stock.lot"].create(
            [{"name": f"RECALL-{n}", "product_id": cls.product.id} for n in (1, 2, 3)]
        )
        cls._create_partners()
        cls._create_history()

    @classmethod
    def _create_partners(cls):
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create({"name": "Tiles Shop A", "is_company": True})
        cls.contact_a = Partner.create(
            {"name": "Buyer of A", "parent_id": cls.customer_a.id}
        )
        cls.customer_b = Partner.create({"name": "Builder B", "is_company": True})
        cls.distributor = Partner.create(
            {"name": "Distributor D", "is_company": True, "is_distributor": True}
        )
        cls.end_customer = Partner.create({"name": "End Customer E"})
        cls.distributor_location = cls.env["stock.location"].create(
            {
                "name": "Distributor D",
                "usage": "customer",
                "location_id": cls.customers.id,
            }
        )

    @classmethod
    def _create_history(cls):
        receipt_type = cls.warehouse.in_type_id
        out_type = cls.warehouse.out_type_id
        lots = [(cls.lot1, 100), (cls.lot2, 50), (cls.lot3, 10)]
        with freeze_time("2026-03-01 08:00:00"):
            cls._transfer(receipt_type, cls.suppliers, cls.stock, None, lots)
        with freeze_time("2026-03-02 09:00:00"):
            cls.delivery_a = cls._transfer(
                out_type,
                cls.stock,
                cls.customers,
                cls.contact_a,
                [(cls.lot1, 10), (cls.lot2, 5)],
            )
        with freeze_time("2026-03-03 09:00:00"):
            cls.delivery_b = cls._transfer(
                out_type, cls.stock, cls.customers, cls.customer_b, [(cls.lot1, 20)]
            )
        with freeze_time("2026-03-04 09:00:00"):
            cls.delivery_d = cls._transfer(
                out_type,
                cls.stock,
                cls.distributor_location,
                cls.distributor,
                [(cls.lot1, 30)],
            )
        with freeze_time("2026-03-10 09:00:00"):
            cls.return_b = cls._return(cls.delivery_b, 5)
        with freeze_time("2026-03-12 09:00:00"):
            cls.chain_e = cls._transfer(
                out_type,
                cls.distributor_location,
                cls.customers,
                cls.end_customer,
                [(cls.lot1, 12)],
            )

    @classmethod
    def _transfer(cls, picking_type, src, dst, partner, lot_qtys, owner=None):
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
                            "product_uom_qty": sum(qty for _lot, qty in lot_qtys),
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
            Command.create(dict(cls._line_vals(picking, lot, qty), owner_id=owner.id))
            if owner
            else Command.create(cls._line_vals(picking, lot, qty))
            for lot, qty in lot_qtys
        ]
        move.picked = True
        picking.button_validate()
        assert picking.state == "done", picking.state
        return picking

    @classmethod
    def _line_vals(cls, picking, lot, qty):
        return {
            "picking_id": picking.id,
            "product_id": cls.product.id,
            "lot_id": lot.id,
            "quantity": qty,
            "location_id": picking.location_id.id,
            "location_dest_id": picking.location_dest_id.id,
        }

    @classmethod
    def _return(cls, picking, qty):
        """Return ``qty`` of ``picking`` through Odoo's return wizard."""
        wizard_form = Form(
            cls.env["stock.return.picking"].with_context(
                active_ids=picking.ids,
                active_id=picking.id,
                active_model="stock.picking",
            )
        )
        with wizard_form.product_return_moves.edit(0) as line:
            line.quantity = qty
        action = wizard_form.save().action_create_returns()
        return_picking = cls.env["stock.picking"].browse(action["res_id"])
        return_picking.move_ids.move_line_ids.lot_id = picking.move_line_ids.lot_id
        return_picking.move_ids.picked = True
        return_picking.button_validate()
        assert return_picking.state == "done", return_picking.state
        return return_picking

    def _summary(self, rows):
        return [
            (
                row["lot_id"],
                row["partner_id"],
                row["via_partner_id"],
                row["depth"],
                row["delivered_qty"],
                row["returned_qty"],
                row["forwarded_qty"],
                row["net_qty"],
            )
            for row in rows
        ]

    def test_rows_of_one_lot(self):
        rows = self.lot1._get_quality_affected_customers()
        lot, dist = self.lot1.id, self.distributor.id
        self.assertEqual(
            self._summary(rows),
            [
                (lot, dist, None, 0, 30.0, 0.0, 12.0, 18.0),
                (lot, self.customer_b.id, None, 0, 20.0, 5.0, 0.0, 15.0),
                (lot, self.customer_a.id, None, 0, 10.0, 0.0, 0.0, 10.0),
                (lot, self.end_customer.id, dist, 1, 12.0, 0.0, 0.0, 12.0),
            ],
        )

    def test_pickings_and_dates(self):
        rows = {
            row["partner_id"]: row
            for row in self.lot1._get_quality_affected_customers()
        }
        row_b = rows[self.customer_b.id]
        self.assertEqual(row_b["picking_ids"], self.delivery_b.ids)
        self.assertEqual(row_b["return_picking_ids"], self.return_b.ids)
        self.assertEqual(row_b["first_delivery_date"], datetime(2026, 3, 3, 9))
        self.assertEqual(rows[self.end_customer.id]["picking_ids"], self.chain_e.ids)
        self.assertEqual(
            rows[self.end_customer.id]["last_delivery_date"], datetime(2026, 3, 12, 9)
        )
        self.assertEqual(rows[self.customer_a.id]["picking_ids"], self.delivery_a.ids)

    def test_batch_of_lots(self):
        lots = self.lot1 | self.lot2 | self.lot3
        self.assertTrue(lots.env.companies)  # read once per environment
        with self.assertQueryCount(1):
            rows = lots._get_quality_affected_customers()
        self.assertEqual(
            [row["lot_id"] for row in rows], [self.lot1.id] * 4 + [self.lot2.id]
        )
        self.assertEqual(
            self._summary(rows)[-1],
            (self.lot2.id, self.customer_a.id, None, 0, 5.0, 0.0, 0.0, 5.0),
        )

    def test_lot_never_delivered(self):
        self.assertEqual(self.lot3._get_quality_affected_customers(), [])
        self.assertEqual(self.env["stock.lot"]._get_quality_affected_customers(), [])

    def test_lot_statistics(self):
        self.assertEqual(self.lot1.quality_shipped_qty, 55.0)
        self.assertEqual(self.lot1.quality_customer_count, 4)
        self.assertEqual(self.lot2.quality_shipped_qty, 5.0)
        self.assertEqual(self.lot2.quality_customer_count, 1)
        self.assertEqual(self.lot3.quality_shipped_qty, 0.0)
        self.assertEqual(self.lot3.quality_customer_count, 0)
        lot_form = Form(self.lot1)
        self.assertEqual(lot_form.quality_customer_count, 4)
        self.assertEqual(lot_form.quality_shipped_qty, 55.0)

    def test_action_lists_customers(self):
        user = new_test_user(
            self.env,
            login="recall_warehouse_user",
            groups="stock.group_stock_user",
        )
        action = self.lot1.with_user(user).action_view_quality_affected_customers()
        lines = self.env["quality.lot.customer"].search(action["domain"])
        self.assertEqual(len(lines), 4)
        line_e = lines.filtered(lambda line: line.partner_id == self.end_customer)
        self.assertEqual(line_e.via_partner_id, self.distributor)
        self.assertEqual(line_e.picking_ids, self.chain_e)
        self.assertEqual(line_e.net_qty, 12.0)

    def test_chain_from_shared_location_follows_owner(self):
        """Out of the shared Customers location, the owner names the distributor.

        Without the owner, the latest delivery into Customers (to E) would be
        taken as the source.
        """
        customer_f = self.env["res.partner"].create({"name": "End Customer F"})
        with freeze_time("2026-03-20 09:00:00"):
            self._transfer(
                self.warehouse.out_type_id,
                self.customers,
                self.customers,
                customer_f,
                [(self.lot1, 3)],
                owner=self.customer_b,
            )
        rows = {
            row["partner_id"]: row
            for row in self.lot1._get_quality_affected_customers()
        }
        self.assertEqual(
            self._summary([rows[customer_f.id], rows[self.customer_b.id]]),
            [
                (self.lot1.id, customer_f.id, self.customer_b.id, 1, 3.0, 0, 0, 3.0),
                (self.lot1.id, self.customer_b.id, None, 0, 20.0, 5.0, 3.0, 12.0),
            ],
        )

    def test_access_needs_stock_rights(self):
        plain = new_test_user(self.env, login="recall_plain", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["quality.lot.customer"].with_user(plain).create(
                {"lot_id": self.lot1.id}
            )
        # complaint users may read lots (quality_complaint grants it), so they
        # see who received a lot they complain about
        complaint_user = new_test_user(
            self.env,
            login="recall_complaint_user",
            groups="quality_complaint.quality_complaint_group_user",
        )
        rows = self.lot1.with_user(complaint_user)._get_quality_affected_customers()
        self.assertTrue(rows)
