# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from .number_guard import MAX_NUMBER, ensure_valid_numbers
from .quality_defect_category import PROBLEM_CLASSES, RESPONSIBLE_PARTIES

# Quantities of a complaint: zero or more, finite.
NUMBER_RULES = {
    "complaint_qty": (0.0, False, MAX_NUMBER),
    "w_how_many": (0.0, False, MAX_NUMBER),
}


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Big lists (bench/bench_lists.py, 100,000 complaints): the list opens on
    # helpdesk_mgmt's order; without this index PostgreSQL sorts every ticket
    # to show the first 80.
    _quality_list_order_index = models.Index(
        "(priority DESC, sequence, number DESC, id DESC)"
    )
    # The kanban and the grouped list count the complaints of each stage: an
    # index-only scan instead of reading the whole table.
    _quality_stage_index = models.Index(
        "(stage_id, company_id) WHERE is_quality_complaint IS TRUE AND active IS TRUE"
    )

    is_quality_complaint = fields.Boolean(
        string="Quality Complaint",
        compute="_compute_is_quality_complaint",
        store=True,
        readonly=False,
        index=True,
        help="Set by the team or the category: tickets of a quality team or "
        "a quality category are quality complaints.",
    )

    # ------------------------------------------------------------------
    # Intake and assessment: product, lot, documents, 5W1H, defect,
    # severity, responsible party, warranty
    # ------------------------------------------------------------------

    product_id = fields.Many2one(
        "product.product",
        tracking=True,
        index="btree_not_null",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        tracking=True,
        index="btree_not_null",
        domain="[('product_id', '=', product_id)]",
        help="The batch the complained goods come from (printed on the packaging).",
    )
    complaint_qty = fields.Float(
        string="Quantity Affected",
        digits="Product Unit",
        help="Quantity concerned by the complaint, in the product's unit.",
    )
    product_uom_id = fields.Many2one(
        related="product_id.uom_id", string="Unit", readonly=True
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        compute="_compute_sale_order_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="Proposed from the delivery.",
    )
    delivery_picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        compute="_compute_delivery_picking_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        domain="[('picking_type_code', '=', 'outgoing'), ('state', '=', 'done')]",
        help="The delivery that shipped the goods. Proposed: the latest done "
        "delivery to the customer holding the product (and lot).",
    )
    invoice_id = fields.Many2one(
        "account.move",
        compute="_compute_invoice_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted')]",
        help="Customer invoice; proposed from the sales order's posted invoices.",
    )
    purchase_date = fields.Date(
        help="When the customer bought the goods; the warranty starts here "
        "when no delivery is known."
    )
    customer_kind = fields.Selection(
        [("retail", "Retail Consumer"), ("distributor", "Distributor")],
        compute="_compute_customer_kind",
        store=True,
    )
    # 5W1H
    w_who = fields.Char(string="Who", help="Who found the problem, who is affected.")
    w_what = fields.Text(string="What", help="What happened, what is wrong.")
    w_when = fields.Datetime(string="When", help="When the problem was found.")
    w_where = fields.Char(string="Where", help="Where the problem was found.")
    w_why = fields.Text(string="Why", help="Why the customer thinks it happened.")
    w_how_many = fields.Float(
        string="How Many", digits="Product Unit", help="How many pieces/units."
    )
    production_date = fields.Date(help="Production date printed on the goods.")
    has_purchase_proof = fields.Boolean(
        string="Purchase Proof", help="The customer showed a receipt or invoice."
    )
    photo_count = fields.Integer(
        compute="_compute_photo_count", help="Image attachments of the complaint."
    )
    missing_facts = fields.Char(
        compute="_compute_missing_facts",
        help="Facts frequently forgotten at intake that are still missing.",
    )
    has_missing_facts = fields.Boolean(
        compute="_compute_missing_facts", search="_search_has_missing_facts"
    )
    # Assessment
    defect_category_id = fields.Many2one(
        "quality.defect.category",
        tracking=True,
        index="btree_not_null",
        check_company=True,
    )
    problem_class = fields.Selection(
        PROBLEM_CLASSES,
        compute="_compute_problem_class",
        store=True,
        readonly=False,
        tracking=True,
        help="Proposed by the defect category.",
    )
    severity = fields.Selection(
        [("minor", "Minor"), ("general", "General"), ("serious", "Serious")],
        tracking=True,
    )
    responsible_party = fields.Selection(
        RESPONSIBLE_PARTIES,
        compute="_compute_responsible_party",
        store=True,
        readonly=False,
        tracking=True,
        help="Who bears the cost. Proposed by the defect category and the "
        "problem class; a carrier needs the signed delivery note and photos.",
    )
    carrier_id = fields.Many2one(
        "res.partner",
        tracking=True,
        domain="[('is_carrier', '=', True)]",
    )
    distributor_id = fields.Many2one(
        "res.partner",
        compute="_compute_distributor_id",
        store=True,
        readonly=False,
        tracking=True,
        domain="[('is_distributor', '=', True)]",
    )
    supplier_id = fields.Many2one("res.partner", tracking=True)
    carrier_delivery_note_ids = fields.Many2many(
        "ir.attachment",
        "helpdesk_ticket_carrier_note_attachment_rel",
        "ticket_id",
        "attachment_id",
        string="Delivery Note Signed by Carrier",
    )
    damage_photo_ids = fields.Many2many(
        "ir.attachment",
        "helpdesk_ticket_damage_photo_attachment_rel",
        "ticket_id",
        "attachment_id",
        string="Damage Photos",
    )
    # Warranty
    warranty_months = fields.Integer(
        compute="_compute_warranty_end_date",
        store=True,
        help="Product period, else the company default.",
    )
    warranty_end_date = fields.Date(compute="_compute_warranty_end_date", store=True)
    # Stored so that it can be grouped and reported; it depends on today, so
    # the daily cron _cron_quality_update_warranty_state() expires the tickets
    # whose end date has passed (a non-stored field with a search method would
    # always be right but could not be grouped by in lists and reports).
    warranty_state = fields.Selection(
        [
            ("in_warranty", "In Warranty"),
            ("expired", "Expired"),
            ("excluded", "Excluded"),
            ("unknown", "Unknown"),
        ],
        compute="_compute_warranty_state",
        store=True,
        tracking=True,
    )
    warranty_exclusion = fields.Selection(
        [
            ("human_damage", "Damage by People"),
            ("natural_disaster", "Natural Disaster"),
            ("improper_use", "Improper Use"),
        ],
        tracking=True,
    )
    warranty_exclusion_reason = fields.Text()

    # ------------------------------------------------------------------
    # Ownership and time: first-responsible person, deadlines, breaches
    # ------------------------------------------------------------------

    first_responsible_id = fields.Many2one(
        comodel_name="res.users",
        string="First-Responsible Person",
        tracking=True,
        index=True,
        copy=False,
        help="Owns the complaint from start to end: the salesperson of the "
        "customer, or the hotline owner of the team. Only a Complaint Manager "
        "can change it.",
    )
    escalated_to_id = fields.Many2one(
        comodel_name="res.users",
        tracking=True,
        copy=False,
        readonly=True,
        help="Manager of the first-responsible person, asked for help. "
        "The complaint keeps its owner.",
    )
    escalation_date = fields.Datetime(copy=False, readonly=True)
    received_date = fields.Datetime(
        default=fields.Datetime.now,
        copy=False,
        help="When the complaint was received from the customer.",
    )
    response_deadline = fields.Datetime(
        compute="_compute_response_deadline",
        store=True,
        help="The customer must get an answer before this time.",
    )
    first_response_date = fields.Datetime(
        copy=False,
        readonly=True,
        help="First message sent to the customer from the complaint.",
    )
    resolution_deadline = fields.Datetime(
        compute="_compute_resolution_deadline",
        store=True,
        help="Working days of the team for the severity, from reception.",
    )
    repair_deadline = fields.Datetime(
        compute="_compute_repair_deadline",
        store=True,
        help="A repair must be finished by then (working days from reception).",
    )
    is_response_overdue = fields.Boolean(
        string="Response Overdue",
        compute="_compute_is_overdue",
        search="_search_is_response_overdue",
    )
    is_resolution_overdue = fields.Boolean(
        string="Resolution Overdue",
        compute="_compute_is_overdue",
        search="_search_is_resolution_overdue",
    )
    quality_breach_ids = fields.One2many(
        comodel_name="quality.complaint.breach",
        inverse_name="ticket_id",
        string="Breaches",
    )
    is_quality_owner = fields.Boolean(
        compute="_compute_is_quality_owner",
        help="The current user is the first-responsible person.",
    )

    # ------------------------------------------------------------------
    # Root cause and corrective/preventive actions
    # ------------------------------------------------------------------

    why_ids = fields.One2many(
        comodel_name="quality.complaint.why",
        inverse_name="ticket_id",
        string="5 Why Analysis",
        copy=True,
        groups="quality_complaint.quality_complaint_group_user",
    )
    fishbone_category = fields.Selection(
        selection=[
            ("man", "Man"),
            ("machine", "Machine"),
            ("material", "Material"),
            ("method", "Method"),
            ("measurement", "Measurement"),
            ("environment", "Environment"),
        ],
        tracking=True,
        help="The branch of the fishbone (Ishikawa) diagram the root cause belongs to.",
    )
    root_cause = fields.Text(tracking=True)
    root_cause_confirmed = fields.Boolean(tracking=True, copy=False)
    root_cause_confirmed_by_id = fields.Many2one(
        comodel_name="res.users",
        compute="_compute_root_cause_confirmed_by",
        store=True,
        copy=False,
    )
    root_cause_confirmed_date = fields.Datetime(
        string="Root Cause Confirmed On",
        compute="_compute_root_cause_confirmed_by",
        store=True,
        copy=False,
    )
    capa_action_ids = fields.One2many(
        comodel_name="quality.capa.action",
        inverse_name="ticket_id",
        string="Corrective and Preventive Actions",
        groups="quality_complaint.quality_complaint_group_user",
    )
    capa_action_count = fields.Integer(
        string="CAPA Actions",
        compute="_compute_capa_action_count",
        groups="quality_complaint.quality_complaint_group_user",
    )
    capa_open_count = fields.Integer(
        string="Open CAPA Actions",
        compute="_compute_capa_action_count",
        groups="quality_complaint.quality_complaint_group_user",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("team_id.is_quality_team", "category_id.is_quality_category")
    def _compute_is_quality_complaint(self):
        for ticket in self:
            if ticket.team_id.is_quality_team or ticket.category_id.is_quality_category:
                ticket.is_quality_complaint = True

    # ------------------------------------------------------------------
    # Assessment methods
    # ------------------------------------------------------------------

    @api.depends("commercial_partner_id", "product_id", "lot_id")
    def _compute_delivery_picking_id(self):
        for ticket in self:
            if ticket.commercial_partner_id and ticket.product_id:
                ticket.delivery_picking_id = ticket._get_proposed_delivery_picking()

    @api.depends("delivery_picking_id")
    def _compute_sale_order_id(self):
        for ticket in self:
            order = ticket.sudo().delivery_picking_id.sale_id
            if order:
                ticket.sale_order_id = self.env["sale.order"].browse(order.id)

    @api.depends("sale_order_id")
    def _compute_invoice_id(self):
        for ticket in self:
            invoices = ticket.sudo().sale_order_id.invoice_ids.filtered(
                lambda m: m.state == "posted" and m.move_type == "out_invoice"
            )
            if invoices:
                latest = invoices.sorted(lambda m: (m.invoice_date, m.id))[-1]
                ticket.invoice_id = self.env["account.move"].browse(latest.id)

    @api.depends("commercial_partner_id.is_distributor")
    def _compute_customer_kind(self):
        for ticket in self:
            partner = ticket.commercial_partner_id
            if not partner:
                ticket.customer_kind = False
            else:
                ticket.customer_kind = (
                    "distributor" if partner.is_distributor else "retail"
                )

    @api.depends("attachment_ids.mimetype", "damage_photo_ids.mimetype")
    def _compute_photo_count(self):
        for ticket in self:
            attachments = ticket.attachment_ids | ticket.damage_photo_ids
            ticket.photo_count = len(
                attachments.filtered(lambda a: (a.mimetype or "").startswith("image/"))
            )

    @api.depends(
        "is_quality_complaint",
        "lot_id",
        "production_date",
        "complaint_qty",
        "has_purchase_proof",
        "invoice_id",
        "photo_count",
    )
    def _compute_missing_facts(self):
        for ticket in self:
            missing = ticket._get_missing_facts() if ticket.is_quality_complaint else []
            ticket.missing_facts = ", ".join(missing)
            ticket.has_missing_facts = bool(missing)

    def _search_has_missing_facts(self, operator, value):
        if operator != "in":
            return NotImplemented
        has_photo = Domain("attachment_ids.mimetype", "=like", "image/%") | Domain(
            "damage_photo_ids.mimetype", "=like", "image/%"
        )
        missing = Domain("is_quality_complaint", "=", True) & Domain.OR(
            [
                Domain("lot_id", "=", False),
                Domain("production_date", "=", False),
                Domain("complaint_qty", "=", 0),
                Domain("has_purchase_proof", "=", False)
                & Domain("invoice_id", "=", False),
                ~has_photo,
            ]
        )
        return missing if True in value else ~missing

    @api.depends("defect_category_id")
    def _compute_problem_class(self):
        for ticket in self:
            if ticket.defect_category_id.default_problem_class:
                ticket.problem_class = ticket.defect_category_id.default_problem_class

    @api.depends(
        "defect_category_id",
        "problem_class",
        "customer_kind",
        "carrier_id",
        "carrier_delivery_note_ids",
        "damage_photo_ids",
    )
    def _compute_responsible_party(self):
        for ticket in self:
            party = ticket._get_proposed_responsible_party()
            if party:
                ticket.responsible_party = party

    @api.depends("commercial_partner_id.is_distributor")
    def _compute_distributor_id(self):
        for ticket in self:
            if ticket.commercial_partner_id.is_distributor:
                ticket.distributor_id = ticket.commercial_partner_id

    @api.depends(
        "delivery_picking_id.date_done",
        "purchase_date",
        "product_id.quality_warranty_months",
        "company_id.quality_complaint_warranty_months",
    )
    def _compute_warranty_end_date(self):
        for ticket in self:
            start = ticket._get_warranty_start_date()
            months = ticket._get_warranty_months()
            ticket.warranty_months = months
            ticket.warranty_end_date = start and start + relativedelta(months=months)

    @api.depends("warranty_end_date", "warranty_exclusion")
    def _compute_warranty_state(self):
        today = fields.Date.context_today(self)
        for ticket in self:
            ticket.warranty_state = ticket._get_warranty_state(today)

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        for ticket in self.sudo():
            if ticket.lot_id and ticket.lot_id.product_id != ticket.product_id:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s belongs to product %(lot_product)s, not to "
                        "the product of the complaint %(ticket)s.",
                        lot=ticket.lot_id.name,
                        lot_product=ticket.lot_id.product_id.display_name,
                        ticket=ticket.display_name,
                    )
                )

    @api.constrains("lot_id", "company_id")
    def _check_lot_company(self):
        for ticket in self.sudo():
            lot_company = ticket.lot_id.company_id
            if lot_company and ticket.company_id and lot_company != ticket.company_id:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s belongs to company %(company)s, not to the "
                        "company of the complaint %(ticket)s.",
                        lot=ticket.lot_id.name,
                        company=lot_company.name,
                        ticket=ticket.display_name,
                    )
                )

    @api.constrains("warranty_exclusion", "warranty_exclusion_reason")
    def _check_warranty_exclusion_reason(self):
        for ticket in self:
            reason = (ticket.warranty_exclusion_reason or "").strip()
            if ticket.warranty_exclusion and not reason:
                raise ValidationError(
                    self.env._(
                        "Explain why the warranty is excluded on %(ticket)s.",
                        ticket=ticket.display_name,
                    )
                )

    @api.constrains(
        "responsible_party",
        "carrier_id",
        "carrier_delivery_note_ids",
        "damage_photo_ids",
    )
    def _check_carrier_evidence(self):
        for ticket in self:
            if ticket.responsible_party != "carrier":
                continue
            missing = ticket._get_missing_carrier_evidence()
            if missing:
                raise ValidationError(
                    self.env._(
                        "Transport damage can only be charged to the carrier with "
                        "evidence. Missing on %(ticket)s: %(missing)s.",
                        ticket=ticket.display_name,
                        missing=", ".join(missing),
                    )
                )

    @api.onchange("product_id")
    def _onchange_product_id_quality_lot(self):
        if self.lot_id and self.lot_id.product_id != self.product_id:
            self.lot_id = False

    @api.model
    def _cron_quality_update_warranty_state(self):
        """Daily: expire (or re-open) the warranty of tickets whose end date
        was crossed since the state was stored."""
        today = fields.Date.context_today(self)
        crossed = (
            Domain("warranty_state", "=", "in_warranty")
            & Domain("warranty_end_date", "<", today)
        ) | (
            Domain("warranty_state", "=", "expired")
            & Domain("warranty_end_date", ">=", today)
        )
        tickets = self.with_context(active_test=False).search(crossed)
        self.env.add_to_compute(self._fields["warranty_state"], tickets)
        tickets._recompute_recordset(["warranty_state"])
        return tickets

    def _get_proposed_delivery_picking(self):
        """Latest done delivery to the customer holding the product (and lot)."""
        self.ensure_one()
        domain = Domain(
            [
                ("state", "=", "done"),
                ("picking_code", "=", "outgoing"),
                ("product_id", "=", self.product_id.id),
                ("picking_id.partner_id", "child_of", self.commercial_partner_id.id),
            ]
        )
        if self.lot_id:
            domain &= Domain("lot_id", "=", self.lot_id.id)
        if self.company_id:
            domain &= Domain("company_id", "=", self.company_id.id)
        line = (
            self.env["stock.move.line"]
            .sudo()
            .search(domain, order="date desc, id desc", limit=1)
        )
        return self.env["stock.picking"].browse(line.picking_id.id)

    def _get_missing_facts(self):
        """Labels of the facts frequently forgotten at intake and still missing."""
        self.ensure_one()
        checks = [
            (self.lot_id, self.env._("lot")),
            (self.production_date, self.env._("production date")),
            (self.complaint_qty, self.env._("quantity")),
            (self.has_purchase_proof or self.invoice_id, self.env._("purchase proof")),
            (self.photo_count, self.env._("photos")),
        ]
        return [label for present, label in checks if not present]

    def _get_proposed_responsible_party(self):
        """Party proposed by the defect category, else by the problem class."""
        self.ensure_one()
        category = self.defect_category_id
        if (
            category.default_responsible_party
            and self.problem_class == category.default_problem_class
        ):
            party = category.default_responsible_party
        elif self.problem_class:
            party = self._get_responsible_party_by_class()
        else:
            return False
        if party == "carrier" and self._get_missing_carrier_evidence():
            # The company compensates the customer at once; the carrier is
            # charged once the evidence is there (recomputed when it arrives).
            return "company"
        return party

    def _get_responsible_party_by_class(self):
        """Who bears the cost of a problem class (DOMAIN.md, assessment table)."""
        self.ensure_one()
        if self.problem_class == "improper_storage":
            return "distributor" if self.customer_kind == "distributor" else "customer"
        return {
            "logistics_damage": "carrier",
            "improper_use": "customer",
            "material": "supplier",
        }.get(self.problem_class, "company")

    def _get_missing_carrier_evidence(self):
        """Labels of the evidence still missing to charge the carrier."""
        self.ensure_one()
        checks = [
            (self.carrier_id, self.env._("the carrier")),
            (
                self.carrier_delivery_note_ids,
                self.env._("the delivery note signed by the carrier"),
            ),
            (self.damage_photo_ids, self.env._("photos of the damage")),
        ]
        return [label for present, label in checks if not present]

    def _get_warranty_start_date(self):
        """Delivery date (in the user's time zone), else the purchase date."""
        self.ensure_one()
        done = self.sudo().delivery_picking_id.date_done
        if done:
            return fields.Datetime.context_timestamp(self, done).date()
        return self.purchase_date

    def _get_warranty_months(self):
        """The product's warranty period, else the company default."""
        self.ensure_one()
        company = self.company_id or self.env.company
        return (
            self.product_id.quality_warranty_months
            or company.quality_complaint_warranty_months
        )

    def _get_warranty_state(self, today):
        """Warranty state on ``today``; the end date itself is still covered."""
        self.ensure_one()
        if self.warranty_exclusion:
            return "excluded"
        if not self.warranty_end_date:
            return "unknown"
        return "in_warranty" if today <= self.warranty_end_date else "expired"

    # ------------------------------------------------------------------
    # Ownership and time methods
    # ------------------------------------------------------------------

    @api.depends(
        "received_date",
        "is_quality_complaint",
        "team_id.quality_response_hours",
        "team_id.quality_response_working_hours",
    )
    def _compute_response_deadline(self):
        for ticket in self:
            team = ticket.team_id
            if not (ticket.is_quality_complaint and ticket.received_date):
                ticket.response_deadline = False
            elif team.quality_response_working_hours:
                ticket.response_deadline = ticket._plan_working_hours(
                    team.quality_response_hours
                )
            else:
                hours = team.quality_response_hours if team else 24.0
                ticket.response_deadline = ticket.received_date + timedelta(hours=hours)

    @api.depends(
        "received_date",
        "is_quality_complaint",
        "severity",
        "team_id.quality_resolution_days_minor",
        "team_id.quality_resolution_days_general",
        "team_id.quality_resolution_days_serious",
    )
    def _compute_resolution_deadline(self):
        for ticket in self:
            days = ticket.team_id._get_quality_resolution_days(ticket.severity)
            if ticket.is_quality_complaint and ticket.received_date and days:
                ticket.resolution_deadline = ticket._plan_working_days(days)
            else:
                ticket.resolution_deadline = False

    @api.depends(
        "received_date",
        "is_quality_complaint",
        "team_id.quality_repair_days",
        "company_id.quality_complaint_repair_days",
    )
    def _compute_repair_deadline(self):
        for ticket in self:
            days = (
                ticket.team_id.quality_repair_days
                or ticket.company_id.quality_complaint_repair_days
            )
            if ticket.is_quality_complaint and ticket.received_date and days:
                ticket.repair_deadline = ticket._plan_working_days(days)
            else:
                ticket.repair_deadline = False

    @api.depends(
        "response_deadline", "resolution_deadline", "first_response_date", "closed"
    )
    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for ticket in self:
            open_complaint = ticket.is_quality_complaint and not ticket.closed
            ticket.is_response_overdue = bool(
                open_complaint
                and not ticket.first_response_date
                and ticket.response_deadline
                and ticket.response_deadline < now
            )
            ticket.is_resolution_overdue = bool(
                open_complaint
                and ticket.resolution_deadline
                and ticket.resolution_deadline < now
            )

    def _search_is_response_overdue(self, operator, value):
        return self._search_overdue(
            self._get_response_overdue_domain(), operator, value
        )

    def _search_is_resolution_overdue(self, operator, value):
        return self._search_overdue(
            self._get_resolution_overdue_domain(), operator, value
        )

    @api.model
    def _search_overdue(self, domain, operator, value):
        if operator != "in":
            return NotImplemented
        if True in value and False in value:
            return Domain.TRUE
        return domain if True in value else ~domain

    @api.depends_context("uid")
    @api.depends("first_responsible_id")
    def _compute_is_quality_owner(self):
        for ticket in self:
            ticket.is_quality_owner = ticket.first_responsible_id == self.env.user

    @api.model
    def _get_response_overdue_domain(self):
        """Open complaints not answered within the response deadline."""
        return Domain(
            [
                ("is_quality_complaint", "=", True),
                ("stage_id.closed", "=", False),
                ("first_response_date", "=", False),
                ("response_deadline", "<", fields.Datetime.now()),
            ]
        )

    @api.model
    def _get_resolution_overdue_domain(self):
        """Open complaints past their resolution deadline."""
        return Domain(
            [
                ("is_quality_complaint", "=", True),
                ("stage_id.closed", "=", False),
                ("resolution_deadline", "<", fields.Datetime.now()),
            ]
        )

    def _get_quality_calendar(self):
        self.ensure_one()
        return self.company_id.resource_calendar_id

    def _plan_working_hours(self, hours):
        """Received date + ``hours`` of the company's working calendar."""
        self.ensure_one()
        calendar = self._get_quality_calendar()
        if not calendar:
            return self.received_date + timedelta(hours=hours)
        return calendar.plan_hours(hours, self.received_date, compute_leaves=True)

    def _plan_working_days(self, days):
        """Received date + ``days`` working days of the company's calendar."""
        self.ensure_one()
        calendar = self._get_quality_calendar()
        if not calendar:
            return self.received_date + timedelta(days=days)
        hours = days * (calendar.hours_per_day or 8.0)
        return calendar.plan_hours(hours, self.received_date, compute_leaves=True)

    # Ownership: creation, guard, escalation

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            ensure_valid_numbers(self, vals, NUMBER_RULES)
        tickets = super().create(vals_list)
        tickets._assign_first_responsible()
        tickets._send_quality_acknowledgement()
        return tickets

    def write(self, vals):
        ensure_valid_numbers(self, vals, NUMBER_RULES)
        if "first_responsible_id" in vals:
            self._ensure_can_change_first_responsible(vals["first_responsible_id"])
        closing = self._get_quality_tickets_closing(vals)
        reopening = self._get_quality_tickets_reopening(vals)
        res = super().write(vals)
        if reopening:
            reopening._action_quality_reopened()
        if {"partner_id", "team_id", "is_quality_complaint"} & set(vals):
            self._assign_first_responsible()
        if closing:
            closing._action_quality_closed()
        return res

    def _assign_first_responsible(self):
        """Give an owner to the complaints that have none yet."""
        for ticket in self.filtered(
            lambda t: t.is_quality_complaint and not t.first_responsible_id
        ):
            owner = ticket._get_default_first_responsible()
            if owner:
                ticket.sudo().first_responsible_id = owner

    def _get_default_first_responsible(self):
        """The customer's salesperson, else the hotline owner of the team."""
        self.ensure_one()
        partner = self.partner_id.commercial_partner_id
        return partner.user_id or self.partner_id.user_id or self.team_id.user_id

    def _ensure_can_change_first_responsible(self, new_owner_id):
        if self.env.su or self.env.user.has_group(
            "quality_complaint.quality_complaint_group_manager"
        ):
            return
        for ticket in self:
            if ticket.first_responsible_id.id not in (False, new_owner_id):
                raise UserError(
                    self.env._(
                        "Only a Complaint Manager can change the first-responsible "
                        "person of %(ticket)s: the owner keeps the complaint from "
                        "start to end and may only escalate to his manager.",
                        ticket=ticket.display_name,
                    )
                )

    def _ensure_quality_owner_or_manager(self):
        self.ensure_one()
        is_manager = self.env.user.has_group(
            "quality_complaint.quality_complaint_group_manager"
        )
        if not is_manager and self.first_responsible_id != self.env.user:
            raise UserError(
                self.env._(
                    "Only the first-responsible person of %(ticket)s or a "
                    "Complaint Manager can do this.",
                    ticket=self.display_name,
                )
            )

    def action_open_first_responsible_change(self):
        """Open the wizard that hands the complaint to another owner."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_complaint.quality_complaint_owner_change_action"
        )
        action["context"] = {"default_ticket_id": self.id}
        return action

    def action_escalate_to_manager(self):
        """Ask the owner's manager for help; the owner keeps the complaint."""
        self.ensure_one()
        self._ensure_quality_owner_or_manager()
        manager = self.first_responsible_id._get_owner_manager()
        if not manager:
            raise UserError(
                self.env._(
                    "%(owner)s has no manager: set a Quality Manager on the user "
                    "or a leader on his sales team.",
                    owner=self.first_responsible_id.name or "-",
                )
            )
        self.sudo()._escalate_to(manager, self.env._("Escalated by its owner."))
        return True

    def _escalate_to(self, manager, reason):
        """Record the escalation, schedule an activity and log it."""
        self.ensure_one()
        self.write(
            {"escalated_to_id": manager.id, "escalation_date": fields.Datetime.now()}
        )
        self.activity_schedule(
            "quality_complaint.mail_activity_type_quality_escalation",
            user_id=manager.id,
            note=reason,
        )
        self.message_post(
            body=self.env._(
                "Complaint escalated to %(manager)s (owner: %(owner)s). %(reason)s",
                manager=manager.name,
                owner=self.first_responsible_id.name or "-",
                reason=reason,
            ),
            partner_ids=manager.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )

    # Time: first response, acknowledgement, closing

    def action_mark_answered(self):
        """The customer got an answer outside the chatter (phone, visit)."""
        self.ensure_one()
        self._ensure_quality_owner_or_manager()
        if not self.first_response_date:
            self.sudo().first_response_date = fields.Datetime.now()
        return True

    def _message_post_after_hook(self, message, msg_values):
        res = super()._message_post_after_hook(message, msg_values)
        if (
            self.is_quality_complaint
            and not self.first_response_date
            and not self.env.context.get("quality_complaint_auto_message")
        ):
            if self._is_customer_response(message):
                self.sudo().first_response_date = message.date or fields.Datetime.now()
        return res

    def _is_customer_response(self, message):
        """A public comment from us that reaches the customer."""
        self.ensure_one()
        customer = self.partner_id
        if not customer or message.message_type != "comment":
            return False
        if message.subtype_id.internal or message.author_id == customer:
            return False
        notified = message.partner_ids | self.message_partner_ids
        return bool(customer & notified)

    @api.model
    def _get_acknowledged_channel_xmlids(self):
        """Channels whose complaints get an immediate written acknowledgement."""
        return [
            "helpdesk_mgmt.helpdesk_ticket_channel_email",
            "helpdesk_mgmt.helpdesk_ticket_channel_web",
            "quality_complaint.helpdesk_ticket_channel_letter",
            "quality_complaint.helpdesk_ticket_channel_portal",
        ]

    def _send_quality_acknowledgement(self):
        # ids from the cached xmlid map: env.ref() would query each record
        data = self.env["ir.model.data"]
        channels = self.env["helpdesk.ticket.channel"].browse(
            res_id
            for xmlid in self._get_acknowledged_channel_xmlids()
            if (res_id := data._xmlid_to_res_id(xmlid, raise_if_not_found=False))
        )
        tickets = self.filtered(
            lambda t: t.is_quality_complaint
            and t.partner_id
            and t.channel_id in channels
        )
        tickets.with_context(
            quality_complaint_auto_message=True
        )._send_intake_acknowledgement()

    def _get_quality_tickets_closing(self, vals):
        if not vals.get("stage_id"):
            return self.browse()
        stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
        if not stage.closed:
            return self.browse()
        return self.filtered(lambda t: t.is_quality_complaint and not t.closed)

    def _action_quality_closed(self):
        """Written resolution notice and the 48-hour satisfaction follow-up."""
        for ticket in self:
            if ticket.partner_id:
                ticket.message_post_with_source(
                    "quality_complaint.mail_template_quality_complaint_resolution",
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
            closed = ticket.closed_date or fields.Datetime.now()
            ticket.activity_schedule(
                "quality_complaint.mail_activity_type_quality_satisfaction",
                date_deadline=(closed + timedelta(days=2)).date(),
                user_id=(ticket.first_responsible_id or self.env.user).id,
            )

    # Breaches

    @api.model
    def _cron_check_quality_deadlines(self, limit=500):
        """Escalate overdue complaints and log one breach per ticket and type."""
        response = self._get_response_overdue_domain() & Domain(
            "quality_breach_ids", "not any", [("breach_type", "=", "response")]
        )
        resolution = self._get_resolution_overdue_domain() & Domain(
            "quality_breach_ids", "not any", [("breach_type", "=", "resolution")]
        )
        tickets = self.search(response | resolution, limit=limit, order="id")
        late_response = tickets.filtered_domain(response)
        late_resolution = tickets.filtered_domain(resolution)
        vals_list = [t._prepare_breach_vals("response") for t in late_response]
        vals_list += [t._prepare_breach_vals("resolution") for t in late_resolution]
        breaches = self.env["quality.complaint.breach"].sudo().create(vals_list)
        for breach in breaches:
            breach.ticket_id._escalate_breach(breach)
        if len(tickets) == limit:
            self.env.ref(
                "quality_complaint.ir_cron_quality_complaint_deadlines"
            )._trigger()
        return breaches

    def _prepare_breach_vals(self, breach_type):
        """Values of the quality.complaint.breach created by the deadline cron."""
        self.ensure_one()
        deadline = (
            self.response_deadline
            if breach_type == "response"
            else self.resolution_deadline
        )
        now = fields.Datetime.now()
        owner = self.first_responsible_id
        return {
            "ticket_id": self.id,
            "owner_id": owner.id,
            "manager_id": owner._get_owner_manager().id,
            "breach_type": breach_type,
            "deadline": deadline,
            "detected_date": now,
            "hours_late": (now - deadline).total_seconds() / 3600.0,
            "severity": self.severity,
            "penalty_amount": self.company_id._get_quality_complaint_penalty(
                self.severity
            ),
            "company_id": self.company_id.id,
        }

    def _escalate_breach(self, breach):
        self.ensure_one()
        label = dict(breach._fields["breach_type"]._description_selection(self.env))
        reason = self.env._(
            "%(type)s deadline %(deadline)s missed by %(hours).1f hours.",
            type=label[breach.breach_type],
            deadline=fields.Datetime.to_string(breach.deadline),
            hours=breach.hours_late,
        )
        if breach.manager_id:
            self._escalate_to(breach.manager_id, reason)
        else:
            self.message_post(body=reason, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Root cause and CAPA methods
    # ------------------------------------------------------------------

    @api.depends("capa_action_ids.state")
    def _compute_capa_action_count(self):
        for ticket in self:
            actions = ticket.capa_action_ids
            ticket.capa_action_count = len(actions)
            ticket.capa_open_count = len(
                actions.filtered(lambda a: a.state in ("open", "in_progress"))
            )

    @api.depends("root_cause_confirmed")
    def _compute_root_cause_confirmed_by(self):
        for ticket in self:
            confirmed = ticket.root_cause_confirmed
            ticket.root_cause_confirmed_by_id = confirmed and self.env.user
            ticket.root_cause_confirmed_date = confirmed and fields.Datetime.now()

    @api.constrains("root_cause_confirmed", "root_cause")
    def _check_root_cause_before_confirmation(self):
        self.filtered("root_cause_confirmed")._ensure_root_cause_set()

    def action_confirm_root_cause(self):
        self.ensure_one()
        self._ensure_root_cause_set()
        self.root_cause_confirmed = True

    def action_reset_root_cause(self):
        self.ensure_one()
        self.root_cause_confirmed = False

    def _ensure_root_cause_set(self):
        for ticket in self:
            if not (ticket.root_cause or "").strip():
                raise ValidationError(
                    self.env._(
                        "Describe the root cause of complaint %(ticket)s before "
                        "confirming it.",
                        ticket=ticket.display_name,
                    )
                )

    def action_view_capa_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_complaint.quality_capa_action_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        return action

    def _get_report_appraisal_filename(self):
        self.ensure_one()
        return self.env._("Appraisal Report - %(number)s", number=self.number)

    def _get_report_register_filename(self):
        self.ensure_one()
        return self.env._("Complaint Register - %(number)s", number=self.number)

    # ------------------------------------------------------------------
    # Intake channel methods: portal and e-mail
    # ------------------------------------------------------------------

    @api.model
    def message_new(self, msg, custom_values=None):
        """An e-mail to a quality team's alias: a complaint on the e-mail
        channel whose customer is the sender (found, or created from From:)."""
        values = dict(custom_values or {})
        team = self.env["helpdesk.ticket.team"].browse(values.get("team_id"))
        if team.is_quality_team:
            values.update(self._prepare_email_complaint_vals(msg))
        # create() acknowledges complaints of the e-mail channel
        return super().message_new(msg, custom_values=values)

    def _send_intake_acknowledgement(self):
        """Tell the customer his complaint was received (and ask for a phone
        number when we have none); the e-mail leaves with the mail queue."""
        template = self.env.ref(
            "quality_complaint.mail_template_complaint_acknowledgement",
            raise_if_not_found=False,
        )
        if not template:
            return
        for ticket in self.filtered("partner_id"):
            ticket.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                partner_ids=ticket.partner_id.ids,
                author_id=ticket.company_id.partner_id.id,
                email_layout_xmlid="mail.mail_notification_light",
            )

    @api.model
    def _prepare_email_complaint_vals(self, msg):
        """Values of a complaint received by e-mail; called by message_new."""
        vals = {"is_quality_complaint": True}
        channel = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
        )
        if channel:
            vals["channel_id"] = channel.id
        partner = self.env["res.partner"].browse(msg.get("author_id"))
        if not partner and msg.get("from"):
            partner = self.env["mail.thread"]._partner_find_from_emails_single(
                [msg["from"]]
            )
        if partner:
            vals.update(partner_id=partner.id, partner_name=partner.name)
            vals["partner_email"] = partner.email or tools.email_normalize(
                msg.get("from") or ""
            )
        return vals

    @api.model
    def _get_quality_intake_team(self, company=None):
        """The team that receives complaints filed on the portal: the first
        quality team of the company."""
        company = company or self.env.company
        return self.env["helpdesk.ticket.team"].search(
            [
                ("is_quality_team", "=", True),
                ("company_id", "in", [False, company.id]),
            ],
            limit=1,
        )

    @api.model
    def _get_partner_received_lines(self, partner, product=None):
        """Done delivery lines of the partner's commercial entity."""
        domain = Domain(
            [
                ("state", "=", "done"),
                ("picking_code", "=", "outgoing"),
                ("picking_partner_id", "child_of", partner.commercial_partner_id.id),
            ]
        )
        if product:
            domain &= Domain("product_id", "=", product.id)
        return self.env["stock.move.line"].search(domain)

    @api.model
    def _get_partner_purchased_lines(self, partner, product=None):
        """Confirmed sale order lines of the partner's commercial entity."""
        domain = Domain(
            [
                ("state", "=", "sale"),
                ("display_type", "=", False),
                ("order_partner_id", "child_of", partner.commercial_partner_id.id),
            ]
        )
        if product:
            domain &= Domain("product_id", "=", product.id)
        return self.env["sale.order.line"].search(domain)

    @api.model
    def _get_partner_complaint_products(self, partner):
        """Products the customer may complain about: delivered or bought."""
        received = self._get_partner_received_lines(partner).product_id
        bought = self._get_partner_purchased_lines(partner).product_id
        return (received | bought).filtered(lambda p: p.type != "service")

    @api.model
    def _get_partner_complaint_lots(self, partner, product=None):
        """Lots delivered to the customer (of one product if given)."""
        return self._get_partner_received_lines(partner, product).lot_id

    @api.model
    def _get_partner_complaint_max_qty(self, partner, product):
        """The most a customer can complain about: what he received or bought."""
        received = sum(
            self._get_partner_received_lines(partner, product).mapped(
                "quantity_product_uom"
            )
        )
        bought = sum(
            line.product_uom_id._compute_quantity(line.product_uom_qty, product.uom_id)
            for line in self._get_partner_purchased_lines(partner, product)
        )
        return max(received, bought)

    @api.model
    def _ensure_partner_may_complain(self, partner, product, lot, qty):
        """Guard of the portal intake: the product and lot were delivered to
        (or bought by) this customer and the quantity is plausible."""
        if product not in self._get_partner_complaint_products(partner):
            raise UserError(
                self.env._(
                    "You can only complain about products you received or bought."
                )
            )
        if lot and lot not in self._get_partner_complaint_lots(partner, product):
            raise UserError(
                self.env._(
                    "Lot %(lot)s of %(product)s was not delivered to you.",
                    lot=lot.name,
                    product=product.display_name,
                )
            )
        self._ensure_complaint_qty_plausible(partner, product, qty)

    @api.model
    def _ensure_complaint_qty_plausible(self, partner, product, qty):
        """Guard of the portal intake: 0 < quantity <= what he received."""
        max_qty = self._get_partner_complaint_max_qty(partner, product)
        if qty <= 0 or qty > max_qty:
            raise UserError(
                self.env._(
                    "The quantity must be more than 0 and at most %(max)s, "
                    "the quantity you received.",
                    max=f"{max_qty:g}",
                )
            )

    # ------------------------------------------------------------------
    # Compensation: proposals and their approval chain
    # ------------------------------------------------------------------

    compensation_ids = fields.One2many(
        "quality.compensation", "ticket_id", string="Compensation Proposals"
    )
    compensation_count = fields.Integer(compute="_compute_compensation_count")

    @api.depends("compensation_ids")
    def _compute_compensation_count(self):
        for ticket in self:
            ticket.compensation_count = len(ticket.compensation_ids)

    def action_view_compensation(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "quality_complaint.quality_compensation_action"
        )
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"default_ticket_id": self.id}
        if len(self.compensation_ids) == 1:
            action.update(views=[(False, "form")], res_id=self.compensation_ids.id)
        return action

    def action_propose_compensation(self):
        self.ensure_one()
        # the button only opens a form: refuse it, as saving the form would be,
        # to whoever may not read the complaint or create proposals
        self.check_access("read")
        self.env["quality.compensation"].check_access("create")
        return {
            "name": self.env._("Propose Compensation"),
            "type": "ir.actions.act_window",
            "res_model": "quality.compensation",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_ticket_id": self.id},
        }

    # ------------------------------------------------------------------
    # Statistics and satisfaction: KPI figures stored for the analysis
    # ------------------------------------------------------------------

    reopen_count = fields.Integer(
        copy=False,
        readonly=True,
        help="How many times the closed complaint went back to an open stage.",
    )
    first_response_hours = fields.Float(
        compute="_compute_quality_durations",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Reception to first answer, in working hours when the team counts "
        "its response time in working hours, else in calendar hours.",
    )
    resolution_hours = fields.Float(
        compute="_compute_quality_durations",
        store=True,
        aggregator="avg",
        digits=(16, 2),
        help="Reception to closing, in the same hours as the response time.",
    )
    compensation_given_amount = fields.Monetary(
        string="Compensation Given",
        compute="_compute_compensation_kpis",
        store=True,
        currency_field="company_currency_id",
        help="Total of the approved and done compensation proposals.",
    )
    compensation_recovered_amount = fields.Monetary(
        string="Compensation Recovered",
        compute="_compute_compensation_kpis",
        store=True,
        currency_field="company_currency_id",
    )
    compensation_net_amount = fields.Monetary(
        string="Compensation Net",
        compute="_compute_compensation_kpis",
        store=True,
        currency_field="company_currency_id",
    )
    compensation_outcome = fields.Selection(
        [
            ("none", "No Compensation"),
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        compute="_compute_compensation_kpis",
        store=True,
        help="The customer's answer to the latest compensation proposal.",
    )
    company_currency_id = fields.Many2one(related="company_id.currency_id")
    satisfaction_score = fields.Float(
        compute="_compute_satisfaction_score",
        store=True,
        aggregator="avg",
        help="The customer's last rating, 1 (unhappy) to 5 (happy); 0: not rated.",
    )
    satisfaction_survey_date = fields.Datetime(copy=False, readonly=True)

    @api.depends(
        "received_date",
        "first_response_date",
        "closed_date",
        "team_id.quality_response_working_hours",
    )
    def _compute_quality_durations(self):
        for ticket in self:
            ticket.first_response_hours = ticket._get_quality_hours(
                ticket.first_response_date
            )
            ticket.resolution_hours = ticket._get_quality_hours(ticket.closed_date)

    @api.depends(
        "compensation_ids.state",
        "compensation_ids.amount_total",
        "compensation_ids.amount_recovered",
        "compensation_ids.customer_acceptance",
    )
    def _compute_compensation_kpis(self):
        granted_states = self._get_granted_compensation_states()
        for ticket in self:
            granted = ticket.compensation_ids.filtered(
                lambda c: c.state in granted_states
            )
            ticket.compensation_given_amount = sum(granted.mapped("amount_total"))
            ticket.compensation_recovered_amount = sum(
                granted.mapped("amount_recovered")
            )
            ticket.compensation_net_amount = sum(granted.mapped("net_amount"))
            live = ticket.compensation_ids.filtered(
                lambda c: c.state not in ("cancel", "rejected")
            ).sorted("id")
            ticket.compensation_outcome = (
                live[-1:].customer_acceptance if live else "none"
            )

    @api.depends("rating_last_value")
    def _compute_satisfaction_score(self):
        for ticket in self:
            ticket.satisfaction_score = ticket.sudo().rating_last_value

    @api.model
    def _get_granted_compensation_states(self):
        """Proposal states whose amounts count as compensation given."""
        return ("approved", "done")

    def _get_quality_hours(self, end):
        """Hours from reception to ``end``: working hours when the team says so."""
        self.ensure_one()
        if not (self.received_date and end):
            return 0.0
        if end <= self.received_date:
            return 0.0
        calendar = self._get_quality_calendar()
        if self.team_id.quality_response_working_hours and calendar:
            return calendar.get_work_hours_count(
                self.received_date, end, compute_leaves=True
            )
        return (end - self.received_date).total_seconds() / 3600.0

    def _get_quality_tickets_reopening(self, vals):
        """Closed complaints that the write moves back to an open stage."""
        if not vals.get("stage_id"):
            return self.browse()
        stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
        if stage.closed:
            return self.browse()
        return self.filtered(lambda t: t.is_quality_complaint and t.closed)

    def _action_quality_reopened(self):
        """Count the reopening: the complaint is no first-time resolution."""
        for ticket in self.sudo():
            ticket.write(
                {"reopen_count": ticket.reopen_count + 1, "closed_date": False}
            )

    def _rating_get_operator(self):
        self.ensure_one()
        if self.first_responsible_id:
            return self.first_responsible_id.partner_id
        return super()._rating_get_operator()

    def action_send_satisfaction_survey(self):
        """Mail the customer a rating request (happy / neutral / unhappy)."""
        template = self.env.ref(
            "quality_complaint.mail_template_quality_complaint_satisfaction"
        )
        for ticket in self:
            ticket._ensure_can_send_satisfaction_survey()
            ticket.rating_send_request(
                template, lang=ticket.partner_id.lang, force_send=False
            )
        self.sudo().satisfaction_survey_date = fields.Datetime.now()
        return True

    def _ensure_can_send_satisfaction_survey(self):
        self.ensure_one()
        if not (self.is_quality_complaint and self.closed and self.partner_id):
            raise UserError(
                self.env._(
                    "The satisfaction survey of %(ticket)s goes to the customer of "
                    "a closed complaint.",
                    ticket=self.display_name,
                )
            )

    @api.model
    def _cron_send_satisfaction_surveys(self, limit=200):
        """Send the survey of the closed complaints whose follow-up is due."""
        activity_type = self.env.ref(
            "quality_complaint.mail_activity_type_quality_satisfaction"
        )
        today = fields.Date.context_today(self)
        tickets = self.search(
            [
                ("is_quality_complaint", "=", True),
                ("stage_id.closed", "=", True),
                ("partner_id", "!=", False),
                ("satisfaction_survey_date", "=", False),
                ("rating_ids", "=", False),
                (
                    "activity_ids",
                    "any",
                    [
                        ("activity_type_id", "=", activity_type.id),
                        ("date_deadline", "<=", today),
                    ],
                ),
            ],
            limit=limit,
            order="id",
        )
        tickets.action_send_satisfaction_survey()
        return tickets

    def rating_apply(
        self,
        rate,
        token=None,
        rating=None,
        feedback=None,
        subtype_xmlid=None,
        notify_delay_send=False,
    ):
        rating = super().rating_apply(
            rate,
            token=token,
            rating=rating,
            feedback=feedback,
            subtype_xmlid=subtype_xmlid,
            notify_delay_send=notify_delay_send,
        )
        if rate <= self._get_low_rating_threshold():
            self._schedule_low_rating_follow_up(rate, feedback)
        return rating

    @api.model
    def _get_low_rating_threshold(self):
        """Ratings at or below this value (of 5) call for a follow-up."""
        return 2

    def _schedule_low_rating_follow_up(self, rate, feedback):
        for ticket in self.sudo():
            ticket.activity_schedule(
                "quality_complaint.mail_activity_type_quality_satisfaction",
                date_deadline=fields.Date.context_today(ticket),
                user_id=(ticket.first_responsible_id or ticket.user_id).id
                or self.env.ref("base.user_admin").id,
                note=self.env._(
                    "Low satisfaction rating (%(rate)s of 5): call the customer "
                    "back. %(feedback)s",
                    rate=rate,
                    feedback=feedback or "",
                ),
            )

    def _get_report_8d_filename(self):
        self.ensure_one()
        return self.env._("8D Report - %(number)s", number=self.number)
