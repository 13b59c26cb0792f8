# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields, models
from odoo.fields import Domain
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
    # lot intelligence
    quality_complaint_count = fields.Integer(
        string="Complaints", compute="_compute_quality_complaint_stats"
    )
    quality_complaint_partner_count = fields.Integer(
        string="Complaining Customers", compute="_compute_quality_complaint_stats"
    )
    quality_complaint_region_count = fields.Integer(
        string="Complaint Regions",
        compute="_compute_quality_complaint_stats",
        help="Distinct states (else countries) of the complaining customers.",
    )
    quality_complaint_qty = fields.Float(
        string="Quantity Complained",
        compute="_compute_quality_complaint_stats",
        digits="Product Unit",
    )
    quality_complaint_rate = fields.Float(
        string="Complaint Rate (%)",
        compute="_compute_quality_complaint_stats",
        digits=(16, 2),
        help="Quantity complained over the quantity at customers.",
    )
    quality_recall_ids = fields.One2many("quality.lot.recall", "lot_id")
    quality_recall_count = fields.Integer(
        string="Recalls", compute="_compute_quality_recall_count"
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

    def _compute_quality_complaint_stats(self):
        stats = self._get_quality_complaint_stats()
        for lot in self:
            lot_stats = stats.get(lot.id, {})
            lot.quality_complaint_count = lot_stats.get("count", 0)
            lot.quality_complaint_partner_count = len(lot_stats.get("partners", ()))
            lot.quality_complaint_region_count = len(lot_stats.get("regions", ()))
            lot.quality_complaint_qty = lot_stats.get("qty", 0.0)
            shipped = lot.quality_shipped_qty if lot_stats else 0.0
            lot.quality_complaint_rate = (
                100.0 * lot.quality_complaint_qty / shipped if shipped > 0 else 0.0
            )

    def _compute_quality_recall_count(self):
        groups = dict(
            self.env["quality.lot.recall"]._read_group(
                [("lot_id", "in", self.ids)], ["lot_id"], ["__count"]
            )
        )
        for lot in self:
            lot.quality_recall_count = groups.get(lot, 0)

    def _get_quality_complaint_stats(self, since=None):
        """Complaint figures of these lots, in one grouped query.

        Returns ``{lot_id: {"count", "qty", "partners", "regions"}}`` where
        partners are the complaining commercial partners and regions their
        states (else countries).
        """
        lots = self.filtered("id")
        if not lots:
            return {}
        domain = Domain("lot_id", "in", lots.ids) & Domain(
            "is_quality_complaint", "=", True
        )
        if since:
            domain &= Domain("received_date", ">=", since)
        # Aggregate figures only: warehouse users see them without reading
        # the complaints, within their companies.
        domain &= Domain("company_id", "in", self.env.companies.ids)
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                domain,
                ["lot_id", "commercial_partner_id"],
                ["__count", "complaint_qty:sum"],
            )
        )
        stats = {}
        for lot, partner, count, qty in groups:
            lot_stats = stats.setdefault(
                lot.id, {"count": 0, "qty": 0.0, "partners": set(), "regions": set()}
            )
            lot_stats["count"] += count
            lot_stats["qty"] += qty or 0.0
            if partner:
                lot_stats["partners"].add(partner.id)
                region = partner.state_id or partner.country_id
                if region:
                    lot_stats["regions"].add((region._name, region.id))
        return stats

    def action_view_quality_recalls(self):
        """Open the recalls of this lot."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_complaint_returns.quality_lot_recall_action"
        )
        action["domain"] = [("lot_id", "=", self.id)]
        action["context"] = {"default_lot_id": self.id}
        return action

    def action_view_quality_complaints(self):
        """Open the complaints about this lot."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action["domain"] = [("lot_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # Lot alert: raise a draft recall once per lot

    def _quality_check_recall_alert(self):
        """Raise a draft recall for the lots that meet the company's rule."""
        lots = self.filtered("id") - self._quality_get_recalled_lots()
        for company, company_lots in lots.grouped(
            lambda lot: lot.company_id or self.env.company
        ).items():
            company_lots = company_lots.with_company(company)
            for lot, reason in company_lots._quality_get_alert_reasons().items():
                company_lots.env["quality.lot.recall"]._create_from_alert(lot, reason)

    def _quality_get_recalled_lots(self):
        """Lots that already had an (uncancelled) recall: no second alert."""
        return (
            self.env["quality.lot.recall"]
            .sudo()
            .search([("lot_id", "in", self.ids), ("state", "!=", "cancel")])
            .lot_id
        )

    def _quality_get_alert_reasons(self):
        """``{lot: reason}`` for the lots that meet the rule of the company."""
        reasons = {
            lot: self.env._(
                "A serious product specification complaint on lot %(lot)s.",
                lot=lot.name,
            )
            for lot in self._quality_get_serious_lots()
        }
        since = fields.Datetime.now() - timedelta(
            days=self.env.company.quality_recall_alert_days
        )
        stats = self._get_quality_complaint_stats(since=since)
        for lot in self.filtered(lambda lot: lot not in reasons):
            lot_stats = stats.get(lot.id)
            if lot_stats and lot._quality_meets_alert_rule(lot_stats):
                reasons[lot] = lot._quality_get_alert_reason(lot_stats)
        return reasons

    def _quality_get_serious_lots(self):
        """Lots with a serious product specification complaint: alert at once."""
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [
                    ("lot_id", "in", self.ids),
                    ("is_quality_complaint", "=", True),
                    ("severity", "=", "serious"),
                    ("problem_class", "=", "product_spec"),
                ],
                ["lot_id"],
            )
        )
        return self.browse([lot.id for (lot,) in groups])

    def _quality_meets_alert_rule(self, lot_stats):
        company = self.env.company
        return (
            lot_stats["count"] >= max(company.quality_recall_alert_complaints, 1)
            and len(lot_stats["partners"]) >= company.quality_recall_alert_customers
        )

    def _quality_get_alert_reason(self, lot_stats):
        return self.env._(
            "%(count)s complaints from %(customers)s customers within "
            "%(days)s days on lot %(lot)s.",
            count=lot_stats["count"],
            customers=len(lot_stats["partners"]),
            days=self.env.company.quality_recall_alert_days,
            lot=self.name,
        )

    def _cron_quality_check_recall_alert(self):
        """Daily: check every lot complained about recently."""
        days = max(
            self.env["res.company"].search([]).mapped("quality_recall_alert_days")
            or [30]
        )
        since = fields.Datetime.now() - timedelta(days=days)
        tickets = self.env["helpdesk.ticket"].search(
            [
                ("is_quality_complaint", "=", True),
                ("lot_id", "!=", False),
                "|",
                ("received_date", ">=", since),
                ("severity", "=", "serious"),
            ]
        )
        tickets.lot_id._quality_check_recall_alert()
        tickets._quality_check_recurring_defect()

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

    def _get_quality_affected_customers(self, companies=None):
        """Every customer who received these lots, in one SQL query.

        Only the stock moves of ``companies`` (default: the companies of the
        environment) count: a lot shared between companies never shows one
        company's customers to another.

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
        companies = self.env.companies if companies is None else companies
        self.env.cr.execute(
            self._get_quality_affected_customers_query(self.ids, companies.ids)
        )
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

    def _get_quality_affected_customers_query(self, lot_ids, company_ids=None):
        """The whole look-up as one SQL statement for the given lot ids, on
        the moves of ``company_ids`` (default: the environment's companies)."""
        if company_ids is None:
            company_ids = self.env.companies.ids
        return SQL(
            "WITH RECURSIVE lines AS MATERIALIZED (%(lines)s), "
            "parents AS (%(parents)s), tree AS (%(tree)s), "
            "events AS (%(events)s) %(result)s",
            lines=self._get_quality_lines_sql(lot_ids, company_ids),
            parents=self._get_quality_parents_sql(),
            tree=self._get_quality_tree_sql(),
            events=self._get_quality_events_sql(),
            result=self._get_quality_result_sql(),
        )

    def _get_quality_lines_sql(self, lot_ids, company_ids):
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
               AND ml.company_id = ANY(%s)
            """,
            list(lot_ids),
            list(company_ids),
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
