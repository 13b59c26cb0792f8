# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tools import split_every

from odoo.addons.queue_job.job import identity_exact

from .quality_compensation_line import CREDIT_TYPES, RETURN_TYPES


class QualityCompensation(models.Model):
    _inherit = "quality.compensation"

    ship_before_return = fields.Boolean(
        help="Ship replacements as soon as the return is created, without "
        "waiting for the goods (VIP customer, photo evidence...). The company "
        "setting does the same for every proposal.",
    )
    last_execution_date = fields.Datetime(
        copy=False,
        readonly=True,
        help="Written under a row lock each time documents are created, so "
        "that two users executing at once cannot create them twice.",
    )
    picking_ids = fields.One2many(
        "stock.picking", "quality_compensation_id", string="Transfers"
    )
    repair_ids = fields.One2many("repair.order", "quality_compensation_id")
    sale_order_ids = fields.One2many(
        "sale.order", "quality_compensation_id", string="Sales"
    )
    picking_count = fields.Integer(compute="_compute_quality_counts")
    repair_count = fields.Integer(compute="_compute_quality_counts")
    sale_order_count = fields.Integer(compute="_compute_quality_counts")
    can_create_return = fields.Boolean(compute="_compute_quality_counts")
    can_create_documents = fields.Boolean(compute="_compute_quality_counts")

    @api.depends(
        "state", "line_ids.move_ids", "line_ids.repair_ids", "line_ids.sale_order_ids"
    )
    def _compute_quality_counts(self):
        for comp in self:
            su = comp.sudo()  # counts only: complaint staff may lack stock rights
            comp.picking_count = len(su._quality_get_pickings())
            comp.repair_count = len(su.line_ids.repair_ids)
            comp.sale_order_count = len(su.line_ids.sale_order_ids)
            approved = comp.state == "approved"
            comp.can_create_return = approved and bool(su._quality_lines_to_return())
            comp.can_create_documents = approved and bool(
                su._quality_lines_to_execute()
            )

    @api.model
    def _get_unlocked_fields(self):
        return super()._get_unlocked_fields() + [
            "last_execution_date",
            "write_off_move_id",
        ]

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_quality_create_return(self):
        """Create (once) the return receipt of the proposal and open it."""
        self.ensure_one()
        picking = self._quality_create_return()
        return picking._get_records_action(name=self.env._("Return"))

    def action_quality_create_grouped_return(self):
        """One receipt for several approved proposals of the same customer."""
        if len(self.partner_id.commercial_partner_id) > 1 or len(self.company_id) > 1:
            raise UserError(
                self.env._("Select proposals of one customer and one company.")
            )
        comps = self._quality_lock_for_execution()
        lines = comps._quality_lines_to_return()
        if not lines:
            raise UserError(self.env._("Nothing left to take back."))
        picking = comps._quality_create_receipt(lines)
        comps._quality_ship_early(lines)
        return picking._get_records_action(name=self.env._("Return"))

    def action_quality_create_documents(self):
        """Create the deliveries, repairs and sales of the other lines."""
        self.ensure_one()
        self._quality_lock_for_execution()._quality_create_other_documents()
        return True

    def action_quality_execute(self):
        """List action: carry out the selected approved proposals at once.

        Each proposal gets what its buttons would create: the return receipt,
        the reissue deliveries, repairs and packaging sales and, when the user
        may invoice, the draft credit notes and payments. Above the company's
        threshold the proposals are split into queue_job jobs of that size
        (a worker's time limits then bound one job, not the selection)."""
        comps = self.filtered(lambda c: c.state == "approved")
        if not comps:
            raise UserError(self.env._("Select approved proposals."))
        comps.check_access("read")
        size = max(self.env.company.quality_execution_job_threshold, 1)
        if len(comps) <= size:
            failed = comps._quality_execute_batch()
            return comps._quality_execute_notification(len(comps), failed)
        for chunk in split_every(size, comps.ids):
            batch = self.browse(chunk)
            batch.with_delay(
                description=self.env._(
                    "Execute %(count)s compensation proposals (%(first)s...)",
                    count=len(batch),
                    first=batch[:1].name,
                ),
                identity_key=identity_exact,
            )._quality_execute_batch()
        return comps._quality_execute_notification(len(comps), queued=True)

    def _quality_execute_notification(self, count, failed=None, queued=False):
        if queued:
            message = self.env._(
                "%s proposals are executed in the background; their documents "
                "appear as the jobs finish.",
                count,
            )
        else:
            message = self.env._("%s proposals executed.", count - len(failed or ()))
        if failed:
            message += " " + self.env._(
                "Not executed (see their chatter): %s",
                ", ".join(failed.mapped("name")),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "warning" if failed else "success",
                "sticky": bool(failed),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _quality_execute_batch(self):
        """Execute the approved proposals of ``self`` (a job runs this too).

        The proposals are locked and checked together; each one runs in a
        savepoint so that one failure (a credit above the invoice...) is
        posted on its chatter without undoing the others. Every step is
        idempotent: a proposal executed twice creates nothing more.
        Returns the proposals that failed."""
        comps = self.filtered(lambda c: c.state == "approved")
        if not comps:
            return self.browse()
        money = self.env.su or self.env.user.has_group("account.group_account_invoice")
        comps._quality_lock_for_execution()
        failed = self.browse()
        for comp in comps:
            try:
                with self.env.cr.savepoint():
                    comp._quality_execute_one(money)
            except UserError as error:
                failed |= comp
                comp.sudo().message_post(
                    body=self.env._(
                        "Not executed: %s", error.args[0] if error.args else error
                    )
                )
        return failed

    def _quality_execute_one(self, money):
        """What the proposal's buttons create, those already made skipped."""
        self.ensure_one()
        su = self.sudo()
        if su._quality_lines_to_return():
            su._quality_return_lines()
        su._quality_create_other_documents()
        if not money:
            return
        todo = self.line_ids.filtered(lambda line: not line.executed)
        for line in todo.filtered(lambda ln: ln.compensation_type in CREDIT_TYPES):
            line._action_create_credit_note()
        for line in todo.filtered(lambda ln: ln.compensation_type == "cash"):
            line._action_create_payment()

    def _quality_create_other_documents(self):
        """Deliveries of reissues, repairs and packaging sales not made yet."""
        self.ensure_one()
        lines = self._quality_lines_to_execute()
        self._quality_create_delivery(
            {ln: ln.quantity for ln in lines if ln.compensation_type == "reissue"}
        )
        self._quality_create_repairs(
            lines.filtered(lambda ln: ln.compensation_type == "repair")
        )
        self._quality_create_sale(
            lines.filtered(lambda ln: ln.compensation_type == "packaging_at_cost")
        )

    def action_view_quality_pickings(self):
        self.ensure_one()
        return self._quality_get_pickings()._get_records_action(
            name=self.env._("Transfers")
        )

    def action_view_quality_repairs(self):
        self.ensure_one()
        return self.line_ids.repair_ids._get_records_action(name=self.env._("Repairs"))

    def action_view_quality_sales(self):
        self.ensure_one()
        return self.line_ids.sale_order_ids._get_records_action(
            name=self.env._("Sales")
        )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _quality_get_pickings(self):
        return self.picking_ids | self.line_ids.move_ids.picking_id

    def _quality_lines_to_return(self):
        return self.line_ids.filtered(
            lambda ln: ln.compensation_type in RETURN_TYPES
            and ln.product_id
            and not ln._quality_get_moves("incoming")
        )

    def _quality_lines_to_execute(self):
        return self.line_ids.filtered(
            lambda ln: ln.product_id
            and not ln.executed
            and (
                (ln.compensation_type == "reissue" and not ln.move_ids)
                or (ln.compensation_type == "repair" and not ln.repair_ids)
                or (
                    ln.compensation_type == "packaging_at_cost"
                    and not ln.sale_order_ids
                )
            )
        )

    def _quality_lock_for_execution(self):
        """Check, then lock and touch the proposals and their complaints: a
        second click or a concurrent user then sees the documents made by the
        first one (or fails and retries) instead of creating them again.
        Returns the proposals as superuser: complaint staff without stock or
        sales rights may create the documents once these checks passed (write
        access: users who may only read the proposal, such as accountants,
        do not execute it)."""
        self.check_access("write")
        self._ensure_state(["approved"])
        self._ensure_partners_active()
        self.lock_for_update()
        self.ticket_id.lock_for_update(allow_referencing=True)
        self.sudo().write({"last_execution_date": fields.Datetime.now()})
        self.env.flush_all()
        self.invalidate_recordset()
        self.line_ids.invalidate_recordset()
        return self.sudo()

    def _quality_create_return(self):
        """Create the return receipt of the proposal, once; returns it."""
        return self._quality_lock_for_execution()._quality_return_lines()

    def _quality_return_lines(self):
        lines = self._quality_lines_to_return()
        if not lines:
            existing = self._quality_get_pickings().filtered(
                lambda p: p.picking_type_code == "incoming" and p.state != "cancel"
            )
            if existing:
                return existing[:1]
            raise UserError(self.env._("No line of %s takes goods back.", self.name))
        delivery = self.ticket_id.delivery_picking_id
        if delivery and delivery.state == "done":
            picking = self._quality_return_delivery(delivery, lines)
        else:
            picking = self._quality_create_receipt(lines)
        self._quality_ship_early(lines)
        return picking

    def _quality_return_delivery(self, delivery, lines):
        """Return of the complaint's delivery through Odoo's return wizard."""
        wizard = (
            self.env["stock.return.picking"]
            .sudo()
            .with_context(active_model="stock.picking", active_id=delivery.id)
            .create(self._prepare_quality_return_wizard_vals(delivery, lines))
        )
        return wizard._create_return()

    def _prepare_quality_return_wizard_vals(self, delivery, lines):
        """Values of stock.return.picking; called by _quality_return_delivery()."""
        delivery.move_ids.move_line_ids.fetch(["lot_id"])  # one read for all lines
        return {
            "picking_id": delivery.id,
            "quality_compensation_id": self.id,
            "product_return_moves": [Command.clear()]
            + [
                Command.create(ln._prepare_quality_return_line_vals(delivery))
                for ln in lines
            ],
        }

    def _quality_get_warehouse(self):
        delivery = self.ticket_id.delivery_picking_id
        warehouse = delivery.picking_type_id.warehouse_id
        return warehouse or self.env["stock.warehouse"].sudo().search(
            [("company_id", "=", self[:1].company_id.id)], limit=1
        )

    def _quality_create_receipt(self, lines):
        """A receipt from the customer into quarantine, without a delivery to
        return (or for several complaints at once)."""
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(self._prepare_quality_receipt_vals())
        )
        moves = (
            self.env["stock.move"]
            .sudo()
            .create(
                [
                    picking._prepare_quality_move_vals(
                        line.product_id, line.quantity, line.product_uom_id, line
                    )
                    for line in lines
                ]
            )
        )
        moves = moves._action_confirm()
        lot_by_move = {}
        for move in moves:
            lot = move.quality_compensation_line_id._quality_get_return_lot()
            if lot:
                lot_by_move[move] = lot
        if lot_by_move:
            moves._quality_set_lots(lot_by_move)
        return picking

    def _prepare_quality_receipt_vals(self):
        """Manual return receipt; called by _quality_create_receipt()."""
        warehouse = self._quality_get_warehouse()
        partner = self[:1].partner_id
        single = len(self) == 1
        return {
            "picking_type_id": warehouse.in_type_id.id,
            "partner_id": partner.id,
            "location_id": partner.property_stock_customer.id,
            "location_dest_id": warehouse.quality_quarantine_location_id.id,
            "origin": ", ".join(self.mapped("name")),
            "company_id": self[:1].company_id.id,
            "quality_ticket_id": self.ticket_id.id if single else False,
            "quality_compensation_id": self.id if single else False,
        }

    def _quality_ship_before_return(self):
        self.ensure_one()
        return (
            self.ship_before_return
            or self.company_id.quality_complaint_ship_before_return
        )

    def _quality_ship_early(self, lines):
        """Replacement deliveries that do not wait for the return."""
        for comp in self.filtered(lambda c: c._quality_ship_before_return()):
            comp._quality_create_delivery(
                {
                    ln: ln.quantity
                    for ln in lines
                    if ln.compensation_id == comp
                    and ln.compensation_type == "replacement"
                    and not ln._quality_get_moves("outgoing")
                }
            )
        return True

    def _quality_create_delivery(self, qty_by_line):
        """One delivery to the customer with one move per line."""
        self.ensure_one()
        if not qty_by_line:
            return self.env["stock.picking"]
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(self._prepare_quality_delivery_vals())
        )
        moves = (
            self.env["stock.move"]
            .sudo()
            .create(
                [
                    picking._prepare_quality_move_vals(
                        line.product_id, qty, line.product_uom_id, line
                    )
                    for line, qty in qty_by_line.items()
                ]
            )
        )
        moves._action_confirm()
        picking.action_assign()
        return picking

    def _prepare_quality_delivery_vals(self):
        """Replacement or reissue delivery; called by _quality_create_delivery()."""
        warehouse = self._quality_get_warehouse()
        return {
            "picking_type_id": warehouse.out_type_id.id,
            "partner_id": self.partner_id.id,
            "location_id": warehouse.lot_stock_id.id,
            "location_dest_id": self.partner_id.property_stock_customer.id,
            "origin": self.name,
            "company_id": self.company_id.id,
            "quality_ticket_id": self.ticket_id.id,
            "quality_compensation_id": self.id,
        }

    def _quality_create_repairs(self, lines):
        return (
            self.env["repair.order"]
            .sudo()
            .create([self._prepare_quality_repair_vals(line) for line in lines])
        )

    def _prepare_quality_repair_vals(self, line):
        """Repair order of a repair line; called by _quality_create_repairs()."""
        ticket = self.ticket_id
        return {
            "product_id": line.product_id.id,
            "lot_id": line._quality_get_return_lot().id,
            "product_qty": line.quantity,
            "product_uom": line.product_uom_id.id,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "under_warranty": ticket.warranty_state == "in_warranty",
            "schedule_date": ticket.repair_deadline or fields.Datetime.now(),
            "internal_notes": ticket.description,
            "quality_ticket_id": ticket.id,
            "quality_compensation_id": self.id,
            "quality_compensation_line_id": line.id,
        }

    def _quality_create_sale(self, lines):
        """One quotation at cost per packaging line."""
        return (
            self.env["sale.order"]
            .sudo()
            .create([self._prepare_quality_sale_vals(line) for line in lines])
        )

    def _prepare_quality_sale_vals(self, line):
        """Packaging sold at cost; called by _quality_create_sale()."""
        return {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "origin": self.name,
            "quality_ticket_id": self.ticket_id.id,
            "quality_compensation_id": self.id,
            "quality_compensation_line_id": line.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.quantity,
                        "product_uom_id": line.product_uom_id.id,
                        "price_unit": line.product_id.standard_price,
                    }
                )
            ],
        }

    account_move_ids = fields.One2many(
        "account.move", "quality_compensation_id", string="Credit Notes / Entries"
    )
    account_move_count = fields.Integer(compute="_compute_account_move_count")
    payment_ids = fields.One2many(
        "account.payment", "quality_compensation_id", string="Payments"
    )
    write_off_move_id = fields.Many2one(
        "account.move", string="Write-off Entry", copy=False, readonly=True
    )
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    net_cost = fields.Monetary(
        compute="_compute_net_cost",
        store=True,
        currency_field="company_currency_id",
        help="Posted compensation (credit notes, cash, write-off, coupons) minus "
        "posted recoveries, in company currency.",
    )
    can_create_credit_notes = fields.Boolean(compute="_compute_can_execute_money")
    can_create_payments = fields.Boolean(compute="_compute_can_execute_money")

    def _compute_account_move_count(self):
        counts = dict(
            self.env["account.move"]
            .sudo()
            ._read_group(
                [("quality_compensation_id", "in", self.ids)],
                ["quality_compensation_id"],
                ["__count"],
            )
        )
        for rec in self:
            rec.account_move_count = counts.get(rec._origin, 0)

    @api.depends(
        "account_move_ids.state",
        "account_move_ids.amount_total_signed",
        "account_move_ids.amount_untaxed_signed",
        "account_move_ids.quality_move_kind",
        "payment_ids.state",
        "payment_ids.amount_company_currency_signed",
    )
    def _compute_net_cost(self):
        Move = self.env["account.move"]
        for rec in self:
            rec.net_cost = Move._quality_net_cost(
                rec.sudo().account_move_ids,
                rec.sudo().payment_ids,
                rec._get_quality_extra_given(),
            )

    def _get_quality_extra_given(self):
        """Compensation given outside journal entries (coupons: bridge addon)."""
        return 0.0

    @api.depends("state", "line_ids.executed", "line_ids.compensation_type")
    def _compute_can_execute_money(self):
        for rec in self:
            todo = rec.line_ids.filtered(lambda line: not line.executed)
            approved = rec.state == "approved"
            rec.can_create_credit_notes = approved and any(
                t in CREDIT_TYPES for t in todo.mapped("compensation_type")
            )
            rec.can_create_payments = approved and "cash" in todo.mapped(
                "compensation_type"
            )

    def action_done(self):
        res = super().action_done()
        # sudo: complaint staff close the proposal; the write-off they draft
        # (posted by accounting) needs the journal they may not read
        for rec in self.sudo():
            journal = rec.company_id._get_quality_complaint_journal()
            if journal and not rec.write_off_move_id and rec._get_write_off_lines():
                rec._create_write_off()
        return res

    def action_create_credit_notes(self):
        """Draft the customer credit notes of the refund and credit lines."""
        self.ensure_one()
        self._ensure_state(["approved"])
        self._ensure_invoicing_rights()
        self._ensure_partners_active()
        self._lock_for_execution()
        lines = self.line_ids.filtered(
            lambda line: line.compensation_type in CREDIT_TYPES and not line.executed
        )
        if not lines:
            raise UserError(self.env._("No refund or credit line is left to credit."))
        refunds = lines._action_create_credit_notes()
        return refunds._get_records_action(name=self.env._("Credit Notes"))

    def action_create_payments(self):
        """Draft the outbound payments of the cash lines, for accounting."""
        self.ensure_one()
        self._ensure_state(["approved"])
        self._ensure_invoicing_rights()
        self._ensure_partners_active()
        self._lock_for_execution()
        lines = self.line_ids.filtered(
            lambda line: line.compensation_type == "cash" and not line.executed
        )
        payments = self.env["account.payment"]
        for line in lines:
            payments |= line._action_create_payment()
        return payments._get_records_action(name=self.env._("Payments"))

    def action_write_off(self):
        """Accountants: book (and post) the write-off of the proposal."""
        self.ensure_one()
        self._ensure_state(["approved", "done"])
        self.env["account.move"]._ensure_quality_accountant()
        move = self.write_off_move_id
        if move.state == "posted":
            raise UserError(
                self.env._("Proposal %s is already written off.", self.name)
            )
        if not move or move.state == "cancel":
            # sudo: an accountant need not read the complaint or write the
            # proposal; he books the entry and posts it as himself below
            move = self.sudo()._create_write_off().sudo(False)
        if not move:
            raise UserError(
                self.env._("Proposal %s has nothing to write off.", self.name)
            )
        move.action_post()
        return move._get_records_action()

    def action_view_account_moves(self):
        self.ensure_one()
        return (
            self.env["account.move"]
            .search([("quality_compensation_id", "=", self.id)])
            ._get_records_action(name=self.env._("Credit Notes / Entries"))
        )

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _ensure_invoicing_rights(self):
        if not self.env.su and not self.env.user.has_group(
            "account.group_account_invoice"
        ):
            raise AccessError(
                self.env._(
                    "Only users with invoicing rights may prepare credit notes "
                    "and payments of a compensation."
                )
            )

    def _lock_for_execution(self):
        """Lock the proposal row: two users executing it at once would both
        create documents (inserts do not conflict)."""
        self.env.cr.execute(
            "SELECT id FROM quality_compensation WHERE id IN %s FOR NO KEY UPDATE",
            [tuple(self.ids)],
        )
        self.invalidate_recordset(["line_ids"])
        self.line_ids.invalidate_recordset(["executed"])

    def _get_write_off_lines(self):
        return self.line_ids.filtered(
            lambda line: not line.company_id.currency_id.is_zero(
                line._get_write_off_cost()
            )
        )

    def _create_write_off(self):
        """Draft the write-off entry of the proposal (once)."""
        self.ensure_one()
        if not self._get_write_off_lines():
            return self.env["account.move"]
        move = self.env["account.move"].create(self._prepare_write_off_vals())
        self.write_off_move_id = move
        return move

    def _prepare_write_off_vals(self):
        """Write-off entry: debit the compensation expense (analytic by defect
        category), credit where the cost sits (_create_write_off)."""
        company = self.company_id
        expense = company._get_quality_complaint_expense_account()
        analytic = self._get_quality_analytic_distribution()
        line_cmds = []
        for line in self._get_write_off_lines():
            cost = company.currency_id.round(line._get_write_off_cost())
            label = self._get_write_off_label(line)
            common = {"name": label, "product_id": line.product_id.id}
            line_cmds += [
                Command.create(
                    dict(
                        common,
                        account_id=expense.id,
                        debit=cost,
                        analytic_distribution=analytic,
                    )
                ),
                Command.create(
                    dict(
                        common,
                        account_id=line._get_write_off_counterpart_account().id,
                        credit=cost,
                    )
                ),
            ]
        return {
            "move_type": "entry",
            "company_id": company.id,
            "journal_id": company._get_quality_complaint_journal().id,
            "date": fields.Date.context_today(self),
            "ref": self.env._("Write-off of %s", self.name),
            "narration": self._get_write_off_narration(),
            "line_ids": line_cmds,
            "quality_ticket_id": self.ticket_id.id,
            "quality_compensation_id": self.id,
            "quality_move_kind": "write_off",
        }

    def _get_write_off_label(self, line):
        type_name = dict(
            line._fields["compensation_type"]._description_selection(self.env)
        )[line.compensation_type]
        return self.env._(
            "%(proposal)s - %(type)s: %(what)s",
            proposal=self.name,
            type=type_name,
            what=line.name or line.product_id.display_name or "",
        )

    def _get_write_off_narration(self):
        docs = self.sudo().account_move_ids.filtered("name").mapped("name")
        docs += self.sudo().payment_ids.mapped("name")
        return self.env._(
            "Complaint %(complaint)s, proposal %(proposal)s. Other documents: "
            "%(docs)s",
            complaint=self.ticket_id.display_name,
            proposal=self.name,
            docs=", ".join(d for d in docs if d and d != "/") or "-",
        )

    def _get_quality_analytic_distribution(self):
        """{analytic account of the defect category: 100} or False."""
        category = self.ticket_id.defect_category_id
        plan = self.company_id._get_quality_complaint_analytic_plan()
        if not (category and plan):
            return False
        Analytic = self.env["account.analytic.account"].sudo()
        code = f"QC-CAT-{category.id}"
        domain = [("plan_id", "=", plan.id), ("code", "=", code)]
        domain += [("company_id", "in", [False, self.company_id.id])]
        account = Analytic.search(domain, limit=1) or Analytic.create(
            {
                "name": category.display_name,
                "code": code,
                "plan_id": plan.id,
                "company_id": self.company_id.id,
            }
        )
        return {str(account.id): 100.0}

    quality_recovery_move_ids = fields.Many2many(
        "account.move",
        string="Recovery Entries",
        compute="_compute_quality_recovery_todo",
    )
    quality_recovery_move_count = fields.Integer(
        compute="_compute_quality_recovery_todo"
    )
    quality_carrier_todo = fields.Boolean(compute="_compute_quality_recovery_todo")
    quality_distributor_todo = fields.Boolean(compute="_compute_quality_recovery_todo")
    quality_supplier_todo = fields.Boolean(compute="_compute_quality_recovery_todo")

    @api.depends("recovery_ids.state", "recovery_ids.move_id")
    def _compute_quality_recovery_todo(self):
        for rec in self:
            todo = rec.recovery_ids.filtered(
                lambda r: r.state in ("pending", "cancel")
            ).mapped("recovery_party")
            rec.quality_carrier_todo = "carrier" in todo
            rec.quality_distributor_todo = "distributor" in todo
            rec.quality_supplier_todo = "supplier" in todo
            rec.quality_recovery_move_ids = rec.recovery_ids.move_id
            rec.quality_recovery_move_count = len(rec.recovery_ids.move_id)

    def action_quality_charge_carrier(self):
        return self._action_quality_charge_party("carrier")

    def action_quality_deduct_rebate(self):
        return self._action_quality_charge_party("distributor")

    def action_quality_claim_supplier(self):
        return self._action_quality_charge_party("supplier")

    def action_view_quality_recovery_moves(self):
        self.ensure_one()
        return self._get_quality_moves_action(self.recovery_ids.move_id)

    def _action_quality_charge_party(self, party):
        """Draft one journal entry per open recovery of ``party``; the proposal
        row is locked so that two clicks never charge a partner twice."""
        self.ensure_one()
        self._ensure_state(["approved"])
        self.lock_for_update()
        self.recovery_ids.invalidate_recordset()
        todo = self.recovery_ids.filtered(
            lambda r: r.recovery_party == party and r.state in ("pending", "cancel")
        )
        if not todo:
            raise UserError(
                self.env._("Nothing left to charge on proposal %s.", self.name)
            )
        self._ensure_partners_active(todo.partner_id)
        return self._get_quality_moves_action(todo._action_quality_charge())

    def _get_quality_moves_action(self, moves):
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Recovery Entries"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", moves.ids)],
            "context": {"create": False},
        }
        if len(moves) == 1:
            action.update(view_mode="form", res_id=moves.id)
        return action
