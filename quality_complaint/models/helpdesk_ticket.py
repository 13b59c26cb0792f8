# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.fields import Domain


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    is_quality_complaint = fields.Boolean(
        string="Quality Complaint",
        compute="_compute_is_quality_complaint",
        store=True,
        readonly=False,
        index=True,
        help="Set by the team: tickets of a quality team are quality complaints.",
    )

    # ------------------------------------------------------------------
    # Intake and assessment: product, lot, documents, 5W1H, defect,
    # severity, responsible party, warranty
    # ------------------------------------------------------------------

    # TEMP: declared by the assessment branch, drop at merge
    product_id = fields.Many2one("product.product", tracking=True)
    lot_id = fields.Many2one("stock.lot", tracking=True)
    complaint_qty = fields.Float()
    purchase_date = fields.Date()
    # END TEMP

    # ------------------------------------------------------------------
    # Ownership and time: first-responsible person, deadlines, breaches
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Root cause and corrective/preventive actions
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("team_id.is_quality_team")
    def _compute_is_quality_complaint(self):
        for ticket in self:
            if ticket.team_id.is_quality_team:
                ticket.is_quality_complaint = True

    # ------------------------------------------------------------------
    # Assessment methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Ownership and time methods
    # ------------------------------------------------------------------

    # ------------------------------------------------------------------
    # Root cause and CAPA methods
    # ------------------------------------------------------------------

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
        ticket = super().message_new(msg, custom_values=values)
        if ticket.is_quality_complaint:
            ticket._send_intake_acknowledgement()
        return ticket

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
