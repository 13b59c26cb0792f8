# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from .quality_defect_category import PROBLEM_CLASSES, RESPONSIBLE_PARTIES


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

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

    # ------------------------------------------------------------------
    # Root cause and corrective/preventive actions
    # ------------------------------------------------------------------

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

    # ------------------------------------------------------------------
    # Root cause and CAPA methods
    # ------------------------------------------------------------------
