# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

# Keys of the dicts returned by stock.lot._get_quality_affected_customers(), in the
# order of the columns of its query.
AFFECTED_CUSTOMER_KEYS = (
    "lot_id",
    "partner_id",
    "via_partner_id",
    "depth",
    "delivered_qty",
    "returned_qty",
    "forwarded_qty",
    "first_delivery_date",
    "last_delivery_date",
    "picking_ids",
    "return_picking_ids",
)


class StockLot(models.Model):
    _inherit = "stock.lot"

    quality_shipped_qty = fields.Float(
        string="Quantity at Customers",
        compute="_compute_quality_customers",
        digits="Product Unit",
        help="Quantity of this lot delivered to customers, less what came back.",
    )
    quality_customer_count = fields.Integer(
        string="Affected Customers",
        compute="_compute_quality_customers",
        help="Customers who received this lot, directly or through a distributor.",
    )

    def _compute_quality_customers(self):
        lots = self.filtered(lambda lot: isinstance(lot.id, int))
        rows = lots._get_quality_affected_customers() if lots else []
        for lot in self:
            lot_rows = [row for row in rows if row["lot_id"] == lot.id]
            lot.quality_shipped_qty = sum(row["net_qty"] for row in lot_rows)
            lot.quality_customer_count = len(
                [row for row in lot_rows if row["partner_id"]]
            )

    def action_view_quality_affected_customers(self):
        """Open the customers who received this lot (filled on demand)."""
        self.ensure_one()
        lines = self.env["quality.lot.customer"]._create_from_lots(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Customers who received %(lot)s", lot=self.name),
            "res_model": "quality.lot.customer",
            "view_mode": "list,form",
            "domain": [("id", "in", lines.ids)],
            "context": {"create": False},
        }

    def _get_quality_affected_customers(self):
        """Every customer who received these lots, in one SQL query.

        Done move lines of the lots that enter a customer location are
        deliveries; lines that leave a customer location for another customer
        location continue the chain downstream (a distributor's or dropship
        delivery); lines that leave a customer location for any other location
        are returns. Customers are commercial partners of the picking's partner
        (else of the move's partner). Returns one dict per (lot, customer):

        - ``lot_id``, ``partner_id`` (None when no partner is known),
        - ``via_partner_id``: the customer it was received from (None when
          delivered by us), ``depth``: 0 when delivered by us, 1 through one
          distributor, ...,
        - ``delivered_qty``, ``returned_qty``, ``forwarded_qty`` (passed on to
          customers further down) and ``net_qty`` (delivered - returned -
          forwarded: what the customer still holds), in the product's UoM,
        - ``first_delivery_date``, ``last_delivery_date``,
        - ``picking_ids`` (deliveries), ``return_picking_ids``.
        """
        if not self:
            return []
        self.check_access("read")
        self._flush_quality_affected_customers()
        self.env.cr.execute(self._get_quality_affected_customers_query(self.ids))
        rows = [
            dict(zip(AFFECTED_CUSTOMER_KEYS, values, strict=True))
            for values in self.env.cr.fetchall()
        ]
        for row in rows:
            row["net_qty"] = (
                row["delivered_qty"] - row["returned_qty"] - row["forwarded_qty"]
            )
        return rows

    def _flush_quality_affected_customers(self):
        """Write pending changes of the columns the query reads."""
        self.env["stock.move.line"].flush_model(
            ["lot_id", "state", "location_id", "location_dest_id", "date"]
            + ["quantity_product_uom", "picking_id", "move_id", "owner_id"]
        )
        self.env["stock.move"].flush_model(["partner_id"])
        self.env["stock.picking"].flush_model(["partner_id"])
        self.env["stock.location"].flush_model(["usage"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])

    def _get_quality_affected_customers_query(self, lot_ids):
        """The whole look-up as one SQL statement for the given lot ids."""
        return SQL(
            "WITH RECURSIVE lines AS MATERIALIZED (%(lines)s), "
            "parents AS (%(parents)s), tree AS (%(tree)s), "
            "events AS (%(events)s) %(result)s",
            lines=self._get_quality_lines_sql(lot_ids),
            parents=self._get_quality_parents_sql(),
            tree=self._get_quality_tree_sql(),
            events=self._get_quality_events_sql(),
            result=self._get_quality_result_sql(),
        )

    def _get_quality_lines_sql(self, lot_ids):
        """Done lines of the lots entering or leaving a customer location."""
        return SQL(
            """
            SELECT ml.id, ml.lot_id, ml.quantity_product_uom AS qty, ml.date,
                   ml.picking_id, ml.location_id, ml.location_dest_id,
                   src.usage AS src_usage, dst.usage AS dst_usage,
                   COALESCE(pp.commercial_partner_id, mp.commercial_partner_id)
                       AS partner_id,
                   op.commercial_partner_id AS owner_partner_id
              FROM stock_move_line ml
              JOIN stock_location src ON src.id = ml.location_id
              JOIN stock_location dst ON dst.id = ml.location_dest_id
              LEFT JOIN stock_picking pk ON pk.id = ml.picking_id
              LEFT JOIN res_partner pp ON pp.id = pk.partner_id
              LEFT JOIN stock_move mv ON mv.id = ml.move_id
              LEFT JOIN res_partner mp ON mp.id = mv.partner_id
              LEFT JOIN res_partner op ON op.id = ml.owner_id
             WHERE ml.lot_id = ANY(%s) AND ml.state = 'done'
               AND ml.lot_id IS NOT NULL
               AND (src.usage = 'customer' OR dst.usage = 'customer')
            """,
            list(lot_ids),
        )

    def _get_quality_parents_sql(self):
        """Link each customer-to-customer line to the delivery it continues.

        The parent is the latest earlier done line of the lot into the chain
        line's source location, preferring one to the line's owner (read
        through the lot index). As a parent always precedes its child in
        (date, id), chains cannot loop.
        """
        return SQL(
            """
            SELECT c.id, par.id AS parent_id
              FROM lines c
             CROSS JOIN LATERAL (
                SELECT p.id
                  FROM stock_move_line p
                  LEFT JOIN stock_picking ppk ON ppk.id = p.picking_id
                  LEFT JOIN res_partner ppp ON ppp.id = ppk.partner_id
                 WHERE p.lot_id = c.lot_id AND p.state = 'done'
                   AND p.location_dest_id = c.location_id
                   AND (p.date, p.id) < (c.date, c.id)
                 ORDER BY (ppp.commercial_partner_id = c.owner_partner_id)
                          DESC NULLS LAST, p.date DESC, p.id DESC
                 LIMIT 1
             ) par
             WHERE c.src_usage = 'customer' AND c.dst_usage = 'customer'
            """
        )

    def _get_quality_tree_sql(self):
        """Deliveries by us (depth 0), then the chains below them."""
        return SQL(
            """
            SELECT l.id, l.lot_id, l.partner_id, NULL::integer AS via_partner_id,
                   0 AS depth, l.qty, l.date, l.picking_id
              FROM lines l
             WHERE l.dst_usage = 'customer' AND l.src_usage != 'customer'
            UNION ALL
            SELECT c.id, c.lot_id, c.partner_id, t.partner_id, t.depth + 1,
                   c.qty, c.date, c.picking_id
              FROM tree t
              JOIN parents pa ON pa.parent_id = t.id
              JOIN lines c ON c.id = pa.id
            """
        )

    def _get_quality_events_sql(self):
        """Received, forwarded and returned quantities per lot and partner."""
        return SQL(
            """
            SELECT lot_id, partner_id, via_partner_id, depth, qty AS delivered,
                   0 AS returned, 0 AS forwarded, date, picking_id,
                   NULL::integer AS return_picking_id
              FROM tree
            UNION ALL
            SELECT lot_id, via_partner_id, NULL, NULL, 0, 0, qty, NULL, NULL, NULL
              FROM tree
             WHERE depth > 0
            UNION ALL
            SELECT lot_id, partner_id, NULL, NULL, 0, qty, 0, NULL, NULL, picking_id
              FROM lines
             WHERE src_usage = 'customer' AND dst_usage != 'customer'
            """
        )

    def _get_quality_result_sql(self):
        """One row per lot and partner, the shallowest path first."""
        return SQL(
            """
            SELECT lot_id, partner_id,
                   (ARRAY_AGG(via_partner_id ORDER BY depth, date)
                       FILTER (WHERE depth IS NOT NULL))[1],
                   COALESCE(MIN(depth), 0),
                   SUM(delivered)::float, SUM(returned)::float,
                   SUM(forwarded)::float, MIN(date), MAX(date),
                   COALESCE(ARRAY_AGG(DISTINCT picking_id)
                       FILTER (WHERE picking_id IS NOT NULL), '{}'),
                   COALESCE(ARRAY_AGG(DISTINCT return_picking_id)
                       FILTER (WHERE return_picking_id IS NOT NULL), '{}')
              FROM events
             GROUP BY lot_id, partner_id
             ORDER BY lot_id, MIN(depth) NULLS LAST, SUM(delivered) DESC,
                      partner_id NULLS LAST
            """
        )
