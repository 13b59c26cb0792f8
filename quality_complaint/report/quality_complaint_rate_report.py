# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class QualityComplaintRateReport(models.Model):
    """Complaints per quantity shipped, by product and month.

    Done move lines from an internal location to a customer location, summed in
    the product's unit by product, company and month, are joined with the
    quality complaints counted by product, company and month of reception.
    The rate of a pivot cell is computed from the sums of the cell (see
    ``_read_group_select``), not averaged over rows.
    """

    _name = "quality.complaint.rate.report"
    _description = "Quality Complaint Rate"
    _auto = False
    _order = "month desc, product_id"
    _depends = {
        "helpdesk.ticket": [
            "product_id",
            "company_id",
            "received_date",
            "complaint_qty",
            "is_quality_complaint",
            "active",
        ],
        "stock.move.line": [
            "product_id",
            "company_id",
            "date",
            "quantity_product_uom",
            "state",
            "location_id",
            "location_dest_id",
        ],
    }

    product_id = fields.Many2one("product.product", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    month = fields.Date(readonly=True)
    shipped_qty = fields.Float(string="Quantity Shipped", readonly=True)
    complaint_count = fields.Integer(string="Complaints", readonly=True)
    complaint_qty = fields.Float(string="Quantity Complained", readonly=True)
    complaint_rate = fields.Float(
        string="Complaints per 1,000 Shipped",
        digits=(16, 3),
        readonly=True,
        help="Complaints per 1,000 units shipped in the same month.",
    )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec.startswith("complaint_rate:"):
            return SQL(
                "SUM(%s) * 1000.0 / NULLIF(SUM(%s), 0)",
                self._field_to_sql(self._table, "complaint_count", query),
                self._field_to_sql(self._table, "shipped_qty", query),
            )
        return super()._read_group_select(aggregate_spec, query)

    @api.model
    def _shipped_query(self):
        return SQL(
            """
            SELECT ml.product_id, ml.company_id,
                   date_trunc('month', ml.date)::date AS month,
                   SUM(ml.quantity_product_uom) AS shipped_qty
              FROM stock_move_line ml
              JOIN stock_location src ON src.id = ml.location_id
              JOIN stock_location dst ON dst.id = ml.location_dest_id
             WHERE ml.state = 'done' AND dst.usage = 'customer'
               AND src.usage IN ('internal', 'transit')
             GROUP BY 1, 2, 3
            """
        )

    @api.model
    def _complaint_query(self):
        return SQL(
            """
            SELECT t.product_id, t.company_id,
                   date_trunc('month', t.received_date)::date AS month,
                   COUNT(*) AS complaint_count,
                   SUM(COALESCE(t.complaint_qty, 0)) AS complaint_qty
              FROM helpdesk_ticket t
             WHERE t.is_quality_complaint AND t.active
               AND t.product_id IS NOT NULL AND t.received_date IS NOT NULL
             GROUP BY 1, 2, 3
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    SELECT row_number() OVER (ORDER BY month, product_id) AS id, *,
                           complaint_count * 1000.0 / NULLIF(shipped_qty, 0)
                               AS complaint_rate
                      FROM (
                        SELECT COALESCE(s.product_id, c.product_id) AS product_id,
                               COALESCE(s.company_id, c.company_id) AS company_id,
                               COALESCE(s.month, c.month) AS month,
                               COALESCE(s.shipped_qty, 0) AS shipped_qty,
                               COALESCE(c.complaint_count, 0) AS complaint_count,
                               COALESCE(c.complaint_qty, 0) AS complaint_qty
                          FROM (%(shipped)s) s
                          FULL OUTER JOIN (%(complaints)s) c
                            ON c.product_id = s.product_id
                           AND c.company_id = s.company_id
                           AND c.month = s.month
                      ) rows
                )
                """,
                table=SQL.identifier(self._table),
                shipped=self._shipped_query(),
                complaints=self._complaint_query(),
            )
        )
