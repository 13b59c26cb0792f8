# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .number_guard import MAX_NUMBER, ensure_valid_numbers, ensure_valid_record_numbers

# Types that hand goods to the customer: their product defaults to the complaint's.
GOODS_TYPES = ("refund", "replacement", "reissue", "repair", "packaging_at_cost")
# A line gives more than nothing, at a price of zero or more, finite.
NUMBER_RULES = {
    "quantity": (0.0, True, MAX_NUMBER),
    "price_unit": (0.0, False, MAX_NUMBER),
}


class QualityCompensationLine(models.Model):
    _name = "quality.compensation.line"
    _description = "Compensation Proposal Line"
    _order = "compensation_id, sequence, id"

    sequence = fields.Integer(default=10)
    compensation_id = fields.Many2one(
        "quality.compensation", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="compensation_id.company_id", store=True)
    currency_id = fields.Many2one(related="compensation_id.currency_id")
    state = fields.Selection(related="compensation_id.state")
    compensation_type = fields.Selection(
        [
            ("refund", "Return and Refund"),
            ("replacement", "Replacement"),
            ("reissue", "Reissue"),
            ("repair", "Repair"),
            ("credit", "Discount or Credit"),
            ("coupon", "Coupon or Points"),
            ("packaging_at_cost", "Packaging at Cost"),
            ("cash", "Cash"),
        ],
        string="Type",
        required=True,
        default="refund",
    )
    name = fields.Char(string="Description")
    product_id = fields.Many2one(
        "product.product",
        compute="_compute_product_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    lot_id = fields.Many2one(
        "stock.lot",
        domain="[('product_id', '=', product_id)]",
    )
    quantity = fields.Float(
        compute="_compute_quantity",
        store=True,
        readonly=False,
        precompute=True,
        digits="Product Unit",
    )
    product_uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        compute="_compute_product_uom_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    price_unit = fields.Float(
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
        digits="Product Price",
    )
    amount = fields.Monetary(compute="_compute_amount", store=True)
    executed = fields.Boolean(
        copy=False,
        help="Set when the stock or accounting document of this line is done.",
    )
    executed_qty = fields.Float(copy=False, digits="Product Unit")

    @api.depends("compensation_id.ticket_id", "compensation_type")
    def _compute_product_id(self):
        for line in self:
            if line.compensation_type not in GOODS_TYPES:
                line.product_id = False
            elif not line.product_id:
                line.product_id = line.compensation_id.ticket_id.product_id

    @api.depends("product_id")
    def _compute_quantity(self):
        for line in self:
            ticket = line.compensation_id.ticket_id
            if line.product_id and line.product_id == ticket.product_id:
                line.quantity = ticket.complaint_qty or 1.0
            elif not (line.product_id and line.quantity):
                line.quantity = 1.0

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for line in self:
            line.product_uom_id = line.product_id.uom_id

    @api.depends("product_id", "compensation_type")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line._get_default_price_unit()

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.currency_id.round(line.quantity * line.price_unit)

    @api.constrains("lot_id", "product_id")
    def _check_lot_product(self):
        for line in self:
            if line.lot_id and line.lot_id.product_id != line.product_id:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s is not a lot of %(product)s.",
                        lot=line.lot_id.name,
                        product=line.product_id.display_name,
                    )
                )

    @api.constrains("lot_id", "company_id")
    def _check_lot_company(self):
        for line in self.sudo():
            lot_company = line.lot_id.company_id
            if lot_company and line.company_id and lot_company != line.company_id:
                raise ValidationError(
                    self.env._(
                        "Lot %(lot)s belongs to company %(company)s, not to the "
                        "company of proposal %(proposal)s.",
                        lot=line.lot_id.name,
                        company=lot_company.name,
                        proposal=line.compensation_id.name,
                    )
                )

    @api.constrains("product_uom_id", "product_id")
    def _check_product_uom(self):
        for line in self:
            uom, product = line.product_uom_id, line.product_id
            if uom and product and not uom._has_common_reference(product.uom_id):
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s cannot measure %(product)s, counted in "
                        "%(product_unit)s.",
                        unit=uom.name,
                        product=product.display_name,
                        product_unit=product.uom_id.name,
                    )
                )

    @api.constrains("quantity", "price_unit")
    def _check_numbers(self):
        ensure_valid_record_numbers(self, NUMBER_RULES)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            ensure_valid_numbers(self, vals, NUMBER_RULES)
        compensations = self.env["quality.compensation"].browse(
            [v.get("compensation_id") for v in vals_list if v.get("compensation_id")]
        )
        compensations._ensure_unlocked()
        return super().create(vals_list)

    def write(self, vals):
        ensure_valid_numbers(self, vals, NUMBER_RULES)
        if set(vals) - set(self._get_execution_fields()):
            self.compensation_id._ensure_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        self.compensation_id._ensure_unlocked()

    @api.model
    def _get_execution_fields(self):
        """Fields that execution (stock and accounting documents) may still
        write on the lines of an approved proposal; extend to add links."""
        return ["executed", "executed_qty"]

    def _get_default_price_unit(self):
        """Price the customer paid for the product (sale order line, then invoice
        line of the complaint), the cost for packaging sold at cost."""
        self.ensure_one()
        product = self.product_id
        if not product:
            return 0.0
        if self.compensation_type == "packaging_at_cost":
            return product.standard_price
        ticket = self.compensation_id.ticket_id
        sale_line = ticket.sale_order_id.order_line.filtered(
            lambda sol: sol.product_id == product
        )[:1]
        if sale_line:
            return sale_line.price_unit * (1 - (sale_line.discount or 0.0) / 100)
        invoice_line = ticket.invoice_id.invoice_line_ids.filtered(
            lambda aml: aml.product_id == product
        )[:1]
        if invoice_line:
            return invoice_line.price_unit * (1 - (invoice_line.discount or 0.0) / 100)
        return product.lst_price
