# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..models.quality_defect_category import PROBLEM_CLASSES

AGE_BUCKETS = [
    ("0_1", "Under 1 day"),
    ("1_3", "1 to 3 days"),
    ("3_7", "3 to 7 days"),
    ("7_30", "7 to 30 days"),
    ("30", "Over 30 days"),
]


MONTH_OFFSETS = [("0", "This Month"), ("1", "Last Month"), ("2", "Earlier")]


class QualityComplaintReport(models.Model):
    """One row per quality complaint, read from stored columns of the ticket.

    The view has no join that multiplies rows and no aggregation of its own:
    the durations, compensation totals and rating are stored on the ticket
    (computed when they change), so a pivot over 100,000 complaints is one scan
    of helpdesk_ticket with a GROUP BY. Rates are 100/0/NULL columns averaged by
    the pivot (NULL rows, e.g. open complaints for the resolution rate, do not
    count). Add a measure by overriding ``_select()`` and declaring the field.
    """

    _name = "quality.complaint.report"
    _description = "Quality Complaint Analysis"
    _auto = False
    _order = "received_date desc"
    _rec_name = "number"
    _depends = {
        "helpdesk.ticket": [
            "number",
            "company_id",
            "received_date",
            "closed_date",
            "stage_id",
            "defect_category_id",
            "problem_class",
            "severity",
            "customer_kind",
            "product_id",
            "lot_id",
            "partner_id",
            "distributor_id",
            "carrier_id",
            "first_responsible_id",
            "team_id",
            "compensation_outcome",
            "complaint_qty",
            "first_response_date",
            "first_response_hours",
            "response_deadline",
            "resolution_deadline",
            "resolution_hours",
            "reopen_count",
            "compensation_given_amount",
            "compensation_recovered_amount",
            "compensation_net_amount",
            "satisfaction_score",
            "is_quality_complaint",
            "active",
        ],
        "helpdesk.ticket.stage": ["closed"],
    }

    ticket_id = fields.Many2one("helpdesk.ticket", string="Complaint", readonly=True)
    number = fields.Char(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    received_date = fields.Datetime(readonly=True)
    closed_date = fields.Datetime(readonly=True)
    stage_id = fields.Many2one("helpdesk.ticket.stage", readonly=True)
    is_closed = fields.Boolean(string="Closed", readonly=True)
    age_bucket = fields.Selection(AGE_BUCKETS, string="Age", readonly=True)
    month_offset = fields.Selection(
        MONTH_OFFSETS,
        string="Month of Reception",
        readonly=True,
        help="This month, last month or earlier.",
    )
    defect_category_id = fields.Many2one("quality.defect.category", readonly=True)
    problem_class = fields.Selection(PROBLEM_CLASSES, readonly=True)
    severity = fields.Selection(
        [("minor", "Minor"), ("general", "General"), ("serious", "Serious")],
        readonly=True,
    )
    customer_kind = fields.Selection(
        [("retail", "Retail Consumer"), ("distributor", "Distributor")],
        readonly=True,
    )
    product_id = fields.Many2one("product.product", readonly=True)
    lot_id = fields.Many2one("stock.lot", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    distributor_id = fields.Many2one("res.partner", readonly=True)
    carrier_id = fields.Many2one("res.partner", readonly=True)
    first_responsible_id = fields.Many2one(
        "res.users", string="First-Responsible Person", readonly=True
    )
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    compensation_outcome = fields.Selection(
        [
            ("none", "No Compensation"),
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        readonly=True,
    )
    complaint_qty = fields.Float(string="Quantity Affected", readonly=True)
    first_response_hours = fields.Float(aggregator="avg", readonly=True)
    resolution_hours = fields.Float(aggregator="avg", readonly=True)
    response_on_time_rate = fields.Float(
        string="Response On Time (%)", aggregator="avg", readonly=True
    )
    resolution_on_time_rate = fields.Float(
        string="Resolution On Time (%)", aggregator="avg", readonly=True
    )
    first_time_resolution_rate = fields.Float(
        string="First-Time Resolution (%)", aggregator="avg", readonly=True
    )
    reopen_rate = fields.Float(
        string="Reopen Rate (%)", aggregator="avg", readonly=True
    )
    reopen_count = fields.Integer(readonly=True)
    is_response_late = fields.Integer(string="Late Responses", readonly=True)
    is_resolution_late = fields.Integer(string="Late Resolutions", readonly=True)
    compensation_given_amount = fields.Monetary(
        string="Compensation Given", readonly=True
    )
    compensation_recovered_amount = fields.Monetary(
        string="Compensation Recovered", readonly=True
    )
    compensation_net_amount = fields.Monetary(string="Compensation Net", readonly=True)
    satisfaction_score = fields.Float(aggregator="avg", readonly=True)

    @api.model
    def _select(self):
        return SQL(
            """
            t.id, t.id AS ticket_id, t.number, t.company_id,
            c.currency_id, t.received_date, t.closed_date, t.stage_id,
            COALESCE(s.closed, FALSE) AS is_closed,
            CASE WHEN COALESCE(s.closed, FALSE) THEN NULL
                 WHEN now() - t.received_date < interval '1 day' THEN '0_1'
                 WHEN now() - t.received_date < interval '3 days' THEN '1_3'
                 WHEN now() - t.received_date < interval '7 days' THEN '3_7'
                 WHEN now() - t.received_date < interval '30 days' THEN '7_30'
                 ELSE '30' END AS age_bucket,
            CASE WHEN date_trunc('month', t.received_date) = date_trunc('month', now())
                 THEN '0'
                 WHEN date_trunc('month', t.received_date)
                      = date_trunc('month', now()) - interval '1 month'
                 THEN '1' ELSE '2' END AS month_offset,
            t.defect_category_id, t.problem_class, t.severity, t.customer_kind,
            t.product_id, t.lot_id, t.partner_id, t.distributor_id, t.carrier_id,
            t.first_responsible_id, t.team_id, t.compensation_outcome,
            t.complaint_qty,
            CASE WHEN t.first_response_date IS NOT NULL
                 THEN t.first_response_hours END AS first_response_hours,
            CASE WHEN t.closed_date IS NOT NULL
                 THEN t.resolution_hours END AS resolution_hours,
            CASE WHEN t.first_response_date IS NULL OR t.response_deadline IS NULL
                 THEN NULL
                 WHEN t.first_response_date <= t.response_deadline THEN 100.0
                 ELSE 0.0 END AS response_on_time_rate,
            CASE WHEN t.closed_date IS NULL OR t.resolution_deadline IS NULL
                 THEN NULL
                 WHEN t.closed_date <= t.resolution_deadline THEN 100.0
                 ELSE 0.0 END AS resolution_on_time_rate,
            CASE WHEN NOT COALESCE(s.closed, FALSE) THEN NULL
                 WHEN COALESCE(t.reopen_count, 0) = 0 THEN 100.0
                 ELSE 0.0 END AS first_time_resolution_rate,
            CASE WHEN COALESCE(t.reopen_count, 0) > 0 THEN 100.0
                 ELSE 0.0 END AS reopen_rate,
            COALESCE(t.reopen_count, 0) AS reopen_count,
            CASE WHEN t.response_deadline < COALESCE(t.first_response_date, now())
                 THEN 1 ELSE 0 END AS is_response_late,
            CASE WHEN t.resolution_deadline < COALESCE(t.closed_date, now())
                 THEN 1 ELSE 0 END AS is_resolution_late,
            t.compensation_given_amount, t.compensation_recovered_amount,
            t.compensation_net_amount,
            NULLIF(t.satisfaction_score, 0) AS satisfaction_score
            """
        )

    @api.model
    def _from(self):
        return SQL(
            """
            helpdesk_ticket t
            LEFT JOIN helpdesk_ticket_stage s ON s.id = t.stage_id
            LEFT JOIN res_company c ON c.id = t.company_id
            """
        )

    @api.model
    def _where(self):
        return SQL("t.is_quality_complaint AND t.active")

    @api.model
    @api.readonly
    def formatted_read_grouping_sets(
        self, domain, grouping_sets, aggregates=(), *, order=None
    ):
        """``quality_group_order`` in the context (the dashboard's top
        products and lots): groups ordered by it, e.g. the most complaints
        first. Also the fast way on a big table: ordering by the products'
        and lots' names makes PostgreSQL join and sort every complaint before
        grouping (bench/bench_lists.py, 100,000 complaints: 1.5 s -> 0.4 s)."""
        return super().formatted_read_grouping_sets(
            domain,
            grouping_sets,
            aggregates,
            order=order or self.env.context.get("quality_group_order"),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (SELECT %s FROM %s WHERE %s)",
                SQL.identifier(self._table),
                self._select(),
                self._from(),
                self._where(),
            )
        )
