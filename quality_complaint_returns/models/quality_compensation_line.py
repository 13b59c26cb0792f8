# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

CREDIT_TYPES = ("refund", "credit")
WRITE_OFF_TYPES = ("replacement", "reissue", "repair")


# Lines whose goods come back from the customer.
RETURN_TYPES = ("refund", "replacement")
# Lines whose goods are delivered to the customer.
DELIVERY_TYPES = ("replacement", "reissue")


class QualityCompensationLine(models.Model):
    _inherit = "quality.compensation.line"

    move_ids = fields.One2many(
        "stock.move", "quality_compensation_line_id", string="Stock Moves"
    )
    repair_ids = fields.One2many(
        "repair.order", "quality_compensation_line_id", string="Repairs"
    )
    sale_order_ids = fields.One2many(
        "sale.order", "quality_compensation_line_id", string="Sales"
    )

    def _quality_get_moves(self, code):
        """Moves of this line in transfers of type ``code``, not cancelled."""
        return self.move_ids.filtered(
            lambda m: m.state != "cancel" and m.picking_code == code
        )

    def _quality_qty(self, moves, done=True):
        self.ensure_one()
        return sum(
            m.product_uom._compute_quantity(
                m.quantity if done else m.product_uom_qty, self.product_uom_id
            )
            for m in moves
            if m.state == "done" or not done
        )

    def _quality_get_return_lot(self):
        self.ensure_one()
        ticket = self.compensation_id.ticket_id
        if self.lot_id:
            return self.lot_id
        return ticket.lot_id if ticket.product_id == self.product_id else self.lot_id

    def _quality_create_replacements(self):
        """Deliver replacement lines for what came back and is not yet shipped;
        called when a return receipt is validated."""
        for comp in self.compensation_id:
            lines = self.filtered(
                lambda ln, c=comp: ln.compensation_id == c
                and ln.compensation_type == "replacement"
            )
            to_ship = {}
            for line in lines:
                received = line._quality_qty(line._quality_get_moves("incoming"))
                shipped = line._quality_qty(line._quality_get_moves("outgoing"), False)
                if line.product_uom_id.compare(received, shipped) > 0:
                    to_ship[line] = received - shipped
            if to_ship:
                comp._quality_create_delivery(to_ship)
        return True

    def _quality_update_execution(self):
        """Mark lines executed once their document is done; close the
        proposal when every line is executed."""
        for line in self:
            executed, qty = line._quality_get_execution()
            if executed and (not line.executed or qty != line.executed_qty):
                line.write({"executed": True, "executed_qty": qty})
        for comp in self.compensation_id:
            if comp.state == "approved" and comp.all_lines_executed:
                comp.action_done()
        return True

    def _quality_get_execution(self):
        """(executed, executed quantity) of this line from its documents."""
        self.ensure_one()
        ctype = self.compensation_type
        if ctype in DELIVERY_TYPES:
            moves = self._quality_get_moves("outgoing")
            done = moves.filtered(lambda m: m.state == "done")
            return bool(done) and done == moves, self._quality_qty(done)
        if ctype == "repair":
            repairs = self.repair_ids.filtered(lambda r: r.state == "done")
            return bool(repairs), sum(repairs.mapped("product_qty"))
        if ctype == "packaging_at_cost":
            sales = self.sale_order_ids.filtered(lambda s: s.state == "sale")
            lines = sales.order_line.filtered(
                lambda sl: sl.product_id == self.product_id
            )
            return bool(sales), sum(lines.mapped("product_uom_qty"))
        return self.executed, self.executed_qty

    def _prepare_quality_return_line_vals(self, delivery):
        """Line of stock.return.picking returning this line's goods from
        ``delivery``; called by quality.compensation._quality_return_delivery()."""
        self.ensure_one()
        lot = self._quality_get_return_lot()
        moves = delivery.move_ids.filtered(
            lambda m: m.product_id == self.product_id and m.state == "done"
        )
        move = moves.filtered(lambda m: lot in m.move_line_ids.lot_id)[:1] or moves[:1]
        if not move:
            raise UserError(
                self.env._(
                    "Delivery %(picking)s did not deliver %(product)s.",
                    picking=delivery.name,
                    product=self.product_id.display_name,
                )
            )
        return {
            "product_id": self.product_id.id,
            "move_id": move.id,
            "quantity": self.product_uom_id._compute_quantity(
                self.quantity, move.product_uom
            ),
            "quality_compensation_line_id": self.id,
            "quality_lot_id": lot.id,
        }

    account_move_id = fields.Many2one(
        "account.move",
        string="Credit Note",
        copy=False,
        readonly=True,
        index="btree_not_null",
    )
    payment_id = fields.Many2one(
        "account.payment", copy=False, readonly=True, index="btree_not_null"
    )

    @api.model
    def _get_execution_fields(self):
        return super()._get_execution_fields() + ["account_move_id", "payment_id"]

    # ------------------------------------------------------------------
    # Customer credit notes
    # ------------------------------------------------------------------

    def _action_create_credit_note(self, date=None):
        """Draft the customer credit note of this refund/credit line."""
        self.ensure_one()
        return self._action_create_credit_notes(date)

    def _action_create_credit_notes(self, date=None):
        """Draft the customer credit note of these refund/credit lines of one
        proposal: one partial reversal of the complaint's invoice for all of
        them (Odoo's reversal wizard, run once, whatever the number of lines),
        or free credit notes without invoice, created in one batch."""
        comp = self.compensation_id
        comp.ensure_one()
        invoice = comp.ticket_id.invoice_id
        if invoice:
            # a refused credit note leaves nothing behind, even for a caller
            # that catches the error and goes on in the same transaction
            with self.env.cr.savepoint():
                refund = self._create_invoice_reversal(invoice, date)
                self._ensure_not_over_credit(invoice, refund)
            refund_by_line = dict.fromkeys(self, refund)
        else:
            refunds = self.env["account.move"].create(
                [line._prepare_free_refund_vals(date) for line in self]
            )
            refund_by_line = dict(zip(self, refunds, strict=True))
        for line, refund in refund_by_line.items():
            qty = line.quantity if line.product_id else 1.0
            line.write(
                {"account_move_id": refund.id, "executed": True, "executed_qty": qty}
            )
        return self.env["account.move"].union(*refund_by_line.values())

    def _create_invoice_reversal(self, invoice, date=None):
        """Reverse ``invoice`` through Odoo's reversal wizard, then cut it down."""
        if invoice.state != "posted" or invoice.move_type != "out_invoice":
            raise UserError(
                self.env._(
                    "Invoice %s must be a posted customer invoice to be credited.",
                    invoice.display_name,
                )
            )
        wizard = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(self._prepare_reversal_wizard_vals(invoice, date))
        )
        wizard.reverse_moves()
        return wizard.new_move_ids

    def _prepare_reversal_wizard_vals(self, invoice, date=None):
        """Values of the reversal wizard (_create_invoice_reversal)."""
        comp = self.compensation_id
        vals = {
            "quality_compensation_line_ids": [Command.set(self.ids)],
            "reason": comp.ticket_id.display_name,
            "journal_id": invoice.journal_id.id,
        }
        if date:
            vals["date"] = date
        return vals

    def _prepare_quality_move_link_vals(self, kind):
        """Complaint links of any move made for this line."""
        comp = self.compensation_id
        return {
            "quality_ticket_id": comp.ticket_id.id,
            "quality_compensation_id": comp.id,
            "quality_move_kind": kind,
        }

    def _apply_to_refund(self, refund):
        """Keep on the draft reversal only these lines' products, quantities
        and prices (converted to the invoice currency at the invoice's rate):
        one update of the invoice line of each product, new lines for a
        product credited twice and for credits without product, one write."""
        lines = refund.invoice_line_ids
        products = lines.filtered(lambda aml: aml.display_type == "product")
        by_product = {}
        for aml in products:
            by_product.setdefault(aml.product_id, aml)
        kept = self.env["account.move.line"]
        commands = []
        for line in self:
            if not line.product_id:
                commands.append(
                    Command.create(line._prepare_credit_line_vals(products))
                )
                continue
            template = by_product.get(line.product_id)
            if not template:
                raise UserError(
                    self.env._(
                        "Product %(product)s is not on invoice %(invoice)s.",
                        product=line.product_id.display_name,
                        invoice=refund.reversed_entry_id.display_name,
                    )
                )
            price = line._get_price_in_currency(refund.reversed_entry_id)
            vals = {"quantity": line.quantity, "price_unit": price, "discount": 0.0}
            if template in kept:
                commands.append(
                    Command.create(
                        dict(
                            vals,
                            product_id=template.product_id.id,
                            product_uom_id=template.product_uom_id.id,
                            name=template.name,
                            account_id=template.account_id.id,
                            tax_ids=[Command.set(template.tax_ids.ids)],
                        )
                    )
                )
            else:
                kept |= template
                commands.append(Command.update(template.id, vals))
        commands = [Command.delete(aml.id) for aml in lines - kept] + commands
        refund.write({"invoice_line_ids": commands})

    def _prepare_credit_line_vals(self, invoice_lines):
        """One money line of a credit without product (_apply_to_refund)."""
        template = invoice_lines[:1]
        return {
            "name": self.name or self.compensation_id.display_name,
            "quantity": 1.0,
            "price_unit": self._get_price_in_currency(
                template.move_id.reversed_entry_id, self.amount
            ),
            "account_id": template.account_id.id,
            "tax_ids": [Command.set(template.tax_ids.ids)],
        }

    def _get_price_in_currency(self, invoice, amount=None):
        """``amount`` (default: the unit price) of the proposal's currency in
        the invoice's currency, at the rate of the invoice."""
        amount = self.price_unit if amount is None else amount
        comp = self.compensation_id
        if not invoice or invoice.currency_id == comp.currency_id:
            return amount
        if comp.currency_id == invoice.company_id.currency_id:
            return invoice.currency_id.round(amount * invoice.invoice_currency_rate)
        return comp.currency_id._convert(
            amount, invoice.currency_id, invoice.company_id, invoice.invoice_date
        )

    def _ensure_not_over_credit(self, invoice, refund):
        """Never credit more than the invoice minus its other credit notes
        (draft or posted, made here or not)."""
        others = (
            invoice.reversal_move_ids.filtered(lambda m: m.state in ("draft", "posted"))
            - refund
        )
        available = invoice.amount_total - sum(others.mapped("amount_total"))
        if invoice.currency_id.compare_amounts(refund.amount_total, available) > 0:
            cur = invoice.currency_id
            raise UserError(
                self.env._(
                    "Credit note of %(amount)s refused: invoice %(invoice)s "
                    "(%(total)s) has already %(credited)s credited, only "
                    "%(available)s is left.",
                    amount=cur.format(refund.amount_total),
                    invoice=invoice.name,
                    total=cur.format(invoice.amount_total),
                    credited=cur.format(invoice.amount_total - available),
                    available=cur.format(max(available, 0.0)),
                )
            )

    def _prepare_free_refund_vals(self, date=None):
        """A customer credit note without invoice (_action_create_credit_note)."""
        comp = self.compensation_id
        line_vals = {"name": self.name or comp.display_name, "quantity": 1.0}
        if self.product_id:
            line_vals.update(product_id=self.product_id.id, quantity=self.quantity)
            line_vals["product_uom_id"] = self.product_uom_id.id
        line_vals["price_unit"] = self.price_unit if self.product_id else self.amount
        return {
            "move_type": "out_refund",
            "company_id": comp.company_id.id,
            "partner_id": comp.partner_id.id,
            "currency_id": comp.currency_id.id,
            "invoice_date": date or fields.Date.context_today(self),
            "ref": comp.ticket_id.display_name,
            "invoice_line_ids": [Command.create(line_vals)],
            **self._prepare_quality_move_link_vals("customer_credit"),
        }

    # ------------------------------------------------------------------
    # Cash and write-off
    # ------------------------------------------------------------------

    def _action_create_payment(self):
        """Draft the outbound payment of a cash line, for accounting."""
        self.ensure_one()
        payment = (
            self.env["account.payment"]
            .with_company(self.compensation_id.company_id)
            .create(self._prepare_payment_vals())
        )
        self.write({"payment_id": payment.id, "executed": True, "executed_qty": 1.0})
        return payment

    def _prepare_payment_vals(self):
        """Outbound customer payment (_action_create_payment)."""
        comp = self.compensation_id
        return {
            "payment_type": "outbound",
            "partner_type": "customer",
            "partner_id": comp.partner_id.commercial_partner_id.id,
            "amount": self.amount,
            "currency_id": comp.currency_id.id,
            "memo": self.env._(
                "Compensation %(proposal)s (%(complaint)s)",
                proposal=comp.name,
                complaint=comp.ticket_id.display_name,
            ),
            "quality_ticket_id": comp.ticket_id.id,
            "quality_compensation_id": comp.id,
        }

    def _get_write_off_cost(self):
        """Company-currency cost the write-off books for this line: goods given
        free at cost, the approved amount of a repair; 0 for lines settled by
        their own document (credit notes, cash, coupons, packaging sold)."""
        self.ensure_one()
        if self.compensation_type in ("replacement", "reissue") and self.product_id:
            product = self.product_id.with_company(self.company_id)
            return self.quantity * product.standard_price
        if self.compensation_type == "repair":
            return self.currency_id._convert(
                self.amount,
                self.company_id.currency_id,
                self.company_id,
                fields.Date.context_today(self),
            )
        return 0.0

    def _get_write_off_counterpart_account(self):
        """Account the write-off credits: the product's expense (cost of goods
        sold) account, where Odoo booked the cost of the goods shipped free."""
        self.ensure_one()
        company = self.company_id
        product = self.product_id.with_company(company)
        account = product and product.product_tmpl_id._get_product_accounts()["expense"]
        return account or company.expense_account_id
