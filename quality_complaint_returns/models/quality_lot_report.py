# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class QualityLotReport(models.Model):
    _name = "quality.lot.report"
    _description = "Lot Quality Report"
    _auto = False
    _order = "complaint_count desc, lot_id"
    _rec_name = "lot_id"

    lot_id = fields.Many2one("stock.lot", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    customer_count = fields.Integer(string="Complaining Customers", readonly=True)
    region_count = fields.Integer(string="Regions", readonly=True, aggregator="max")
    complaint_qty = fields.Float(
        string="Quantity Complained", digits="Product Unit", readonly=True
    )
    shipped_qty = fields.Float(
        string="Quantity at Customers",
        digits="Product Unit",
        readonly=True,
        help="Delivered to customers less what came back.",
    )
    complaint_rate = fields.Float(
        string="Complaint Rate (%)", digits=(16, 2), readonly=True, aggregator="max"
    )
    serious_count = fields.Integer(string="Serious", readonly=True)
    last_complaint_date = fields.Datetime(readonly=True, aggregator="max")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._get_report_query(),
            )
        )

    def _get_report_query(self):
        """One row per lot and company with quality complaints: a lot shared
        between companies shows each company its own complaints and shipments
        (the row's id is the first complaint of the group, hence stable)."""
        return SQL(
            """
            WITH complaints AS (
                SELECT t.lot_id, t.company_id, MIN(t.id) AS id,
                       COUNT(*) AS complaint_count,
                       COUNT(DISTINCT t.commercial_partner_id) AS customer_count,
                       COUNT(DISTINCT COALESCE('s' || p.state_id, 'c' || p.country_id))
                           AS region_count,
                       COALESCE(SUM(t.complaint_qty), 0) AS complaint_qty,
                       COUNT(*) FILTER (WHERE t.severity = 'serious') AS serious_count,
                       MAX(t.received_date) AS last_complaint_date
                  FROM helpdesk_ticket t
                  LEFT JOIN res_partner p ON p.id = t.commercial_partner_id
                 WHERE t.lot_id IS NOT NULL AND t.is_quality_complaint
                 GROUP BY t.lot_id, t.company_id
            ), shipped AS (
                SELECT ml.lot_id, ml.company_id, SUM(CASE
                           WHEN src.usage = 'customer' THEN -ml.quantity_product_uom
                           ELSE ml.quantity_product_uom END) AS qty
                  FROM stock_move_line ml
                  JOIN complaints c
                    ON c.lot_id = ml.lot_id AND c.company_id = ml.company_id
                  JOIN stock_location src ON src.id = ml.location_id
                  JOIN stock_location dst ON dst.id = ml.location_dest_id
                 WHERE ml.state = 'done'
                   AND (src.usage = 'customer') != (dst.usage = 'customer')
                 GROUP BY ml.lot_id, ml.company_id
            )
            SELECT c.id, c.lot_id, l.product_id, c.company_id,
                   c.complaint_count, c.customer_count, c.region_count,
                   c.complaint_qty, COALESCE(s.qty, 0) AS shipped_qty,
                   CASE WHEN COALESCE(s.qty, 0) > 0
                        THEN 100.0 * c.complaint_qty / s.qty ELSE 0 END
                       AS complaint_rate,
                   c.serious_count, c.last_complaint_date
              FROM complaints c
              JOIN stock_lot l ON l.id = c.lot_id
              LEFT JOIN shipped s
                ON s.lot_id = c.lot_id AND s.company_id = c.company_id
            """
        )
