# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.base.tests.common import BaseCommon

LOTS = 2000
LINES = 200_000
INDEX = "stock_move_line_quality_lot_done_index"


@tagged("post_install", "-at_install")
class TestLotRecallIndex(BaseCommon):
    """The lot look-up reads done lines through the index, not the whole table."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {
                "name": "Plan Test Tile",
                "type": "consu",
                "is_storable": True,
                "tracking": "lot",
            }
        )
        cls.stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.env.flush_all()
        cls.lot_ids = cls._insert_lots()
        cls._insert_done_lines()
        cls.env.cr.execute(SQL("ANALYZE stock_move_line"))

    @classmethod
    def _insert_lots(cls):
        cls.env.cr.execute(
            SQL(
                """
                INSERT INTO stock_lot (name, product_id, company_id)
                SELECT 'PLAN-' || g, %s, %s FROM generate_series(1, %s) g
                RETURNING id
                """,
                cls.product.id,
                cls.env.company.id,
                LOTS,
            )
        )
        return [row[0] for row in cls.env.cr.fetchall()]

    @classmethod
    def _insert_done_lines(cls):
        """LINES done lines, a third of them to customers, 100 per lot."""
        cls.env.cr.execute(
            SQL(
                """
                INSERT INTO stock_move_line (
                    company_id, product_id, product_uom_id, lot_id, location_id,
                    location_dest_id, quantity, quantity_product_uom, state, date)
                SELECT %(company)s, %(product)s, %(uom)s,
                       (%(lots)s::int[])[1 + g %% %(n)s], %(stock)s,
                       CASE WHEN g %% 3 = 0 THEN %(customers)s ELSE %(stock)s END,
                       1, 1, 'done', TIMESTAMP '2025-01-01' + g * INTERVAL '1 minute'
                  FROM generate_series(1, %(lines)s) g
                """,
                company=cls.env.company.id,
                product=cls.product.id,
                uom=cls.product.uom_id.id,
                lots=cls.lot_ids,
                n=LOTS,
                stock=cls.stock.id,
                customers=cls.customers.id,
                lines=LINES,
            )
        )

    def _plan_nodes(self, lot_ids):
        query = self.env["stock.lot"]._get_quality_affected_customers_query(lot_ids)
        self.env.cr.execute(SQL("EXPLAIN (FORMAT JSON) %s", query))
        nodes, todo = [], [self.env.cr.fetchone()[0][0]["Plan"]]
        while todo:
            node = todo.pop()
            nodes.append(node)
            todo.extend(node.get("Plans", []))
        return nodes

    def _seq_scans_of_move_lines(self, nodes):
        return [
            node
            for node in nodes
            if node["Node Type"] == "Seq Scan"
            and node.get("Relation Name") == "stock_move_line"
        ]

    def test_lookup_uses_index(self):
        nodes = self._plan_nodes(self.lot_ids[:1])
        self.assertFalse(self._seq_scans_of_move_lines(nodes))
        self.assertIn(INDEX, [node.get("Index Name") for node in nodes])
        rows = self.env["stock.lot"].browse(self.lot_ids[:2])
        rows = rows._get_quality_affected_customers()
        self.assertEqual([row["delivered_qty"] for row in rows], [33.0, 33.0])

    def test_without_index_the_table_is_scanned(self):
        """The control: Odoo's own indexes make the planner scan the table."""
        self.env.cr.execute(SQL("DROP INDEX %s", SQL.identifier(INDEX)))
        nodes = self._plan_nodes(self.lot_ids[:1])
        self.assertTrue(self._seq_scans_of_move_lines(nodes))
