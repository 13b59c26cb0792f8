# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

OPEN_STATES = ("draft", "testing", "decided", "in_progress")


class QualityLotRecall(models.Model):
    _name = "quality.lot.recall"
    _description = "Lot Recall"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    lot_id = fields.Many2one(
        "stock.lot",
        required=True,
        tracking=True,
        check_company=True,
        index=True,
        ondelete="restrict",
    )
    product_id = fields.Many2one(related="lot_id.product_id", store=True)
    warehouse_id = fields.Many2one(
        "stock.warehouse",
        required=True,
        check_company=True,
        default=lambda self: self._default_warehouse_id(),
        help="Warehouse that receives the returns and quarantines the stock.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("testing", "Sample Testing"),
            ("decided", "Decided"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    trigger_reason = fields.Text(tracking=True)
    ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        compute="_compute_ticket_ids",
        string="Complaints",
        help="Quality complaints about the lot.",
    )
    ticket_count = fields.Integer(
        compute="_compute_ticket_ids", string="Complaint Count"
    )
    customer_ids = fields.One2many(
        "quality.lot.recall.customer", "recall_id", string="Affected Customers"
    )
    sample_test_result = fields.Selection(
        [("pass", "Pass"), ("fail", "Fail")],
        string="Retained Sample Result",
        tracking=True,
        copy=False,
    )
    sample_test_date = fields.Date(copy=False)
    sample_test_report_id = fields.Many2one("ir.attachment", copy=False)
    sample_test_notes = fields.Html(copy=False)
    decision = fields.Selection(
        [
            ("no_action", "No Action"),
            ("market_correction", "Market Correction"),
            ("recall", "Recall"),
        ],
        tracking=True,
        copy=False,
    )
    decision_date = fields.Datetime(readonly=True, copy=False)
    decided_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    picking_ids = fields.One2many("stock.picking", "quality_recall_id")
    customer_count = fields.Integer(compute="_compute_progress")
    notified_count = fields.Integer(compute="_compute_progress")
    return_count = fields.Integer(compute="_compute_progress", string="Returns")
    progress = fields.Float(compute="_compute_progress", string="Notified (%)")

    _lot_open_unique = models.UniqueIndex(
        "(lot_id) WHERE state NOT IN ('done', 'cancel')",
        "A lot can have only one open recall.",
    )

    @api.model
    def _default_warehouse_id(self):
        return self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )

    @api.depends("lot_id")
    def _compute_ticket_ids(self):
        for recall in self:
            recall.ticket_ids = self.env["helpdesk.ticket"].search(
                [("lot_id", "=", recall.lot_id.id), ("is_quality_complaint", "=", True)]
            )
            recall.ticket_count = len(recall.ticket_ids)

    @api.depends("customer_ids.notified", "customer_ids.return_picking_id")
    def _compute_progress(self):
        for recall in self:
            lines = recall.customer_ids
            recall.customer_count = len(lines)
            recall.notified_count = len(lines.filtered("notified"))
            recall.return_count = len(lines.filtered("return_picking_id"))
            recall.progress = (
                100.0 * recall.notified_count / len(lines) if lines else 0.0
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "quality.lot.recall"
                ) or self.env._("New")
        recalls = super().create(vals_list)
        recalls._ensure_sample_tested()
        recalls.filtered(lambda r: not r.customer_ids)._action_refresh_customers()
        return recalls

    def write(self, vals):
        res = super().write(vals)
        if vals.get("decision"):
            self._ensure_sample_tested()
        return res

    # Buttons

    def action_refresh_customers(self):
        """Fill the affected customers again from the lot's deliveries."""
        self._ensure_state(("draft", "testing"))
        self._action_refresh_customers()

    def action_start_testing(self):
        self._ensure_state(("draft",))
        self.write({"state": "testing"})

    def action_decide(self):
        """Record the decision; it needs the retained sample test first."""
        for recall in self:
            recall._ensure_state(("draft", "testing"))
            if not recall.decision:
                raise UserError(
                    self.env._("Choose a decision for %(recall)s.", recall=recall.name)
                )
        self._ensure_sample_tested()
        self.write(
            {
                "state": "decided",
                "decision_date": fields.Datetime.now(),
                "decided_by_id": self.env.uid,
            }
        )

    def action_execute(self):
        """Notify the customers, create their returns and block our stock."""
        # the execution runs as superuser below: who may not write the recall
        # may not run it, not even again on a recall in progress
        self.check_access("write")
        for recall in self:
            recall._ensure_state(("decided", "in_progress"))
            if recall.decision == "no_action":
                raise UserError(
                    self.env._(
                        "%(recall)s was decided without action: close it instead.",
                        recall=recall.name,
                    )
                )
        self._lock_for_execution()
        # sudo: who may write the recall (Complaint Managers) carries it out,
        # with or without inventory rights; the documents are Odoo's own
        for recall in self.sudo():
            recall._action_execute()

    def action_done(self):
        self._ensure_state(("decided", "in_progress"))
        self.write({"state": "done"})

    def action_cancel(self):
        self._ensure_state(OPEN_STATES)
        self.write({"state": "cancel"})

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action["domain"] = [("id", "in", self.ticket_ids.ids)]
        action["context"] = {"create": False}
        return action

    def action_view_pickings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "stock.action_picking_tree_all"
        )
        action["domain"] = [("quality_recall_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def _lock_for_execution(self):
        """Lock the recalls and touch them (decided ones move to in progress):
        a second start at the same time then fails (LockError, or a
        serialization failure that Odoo retries) instead of notifying the
        customers or queuing their jobs twice. Inserts (mails, transfers,
        jobs) never conflict by themselves."""
        self.lock_for_update()
        self.write({"state": "in_progress"})
        self.env.flush_all()

    # Guards

    def _ensure_state(self, states):
        for recall in self:
            if recall.state not in states:
                raise UserError(
                    self.env._(
                        "%(recall)s cannot do this in its state %(state)s.",
                        recall=recall.name,
                        state=dict(
                            recall._fields["state"]._description_selection(self.env)
                        )[recall.state],
                    )
                )

    def _ensure_sample_tested(self):
        for recall in self.filtered("decision"):
            if not recall.sample_test_result or not recall.sample_test_date:
                raise UserError(
                    self.env._(
                        "Record the test of the retained samples of lot %(lot)s "
                        "(result and date) before deciding on %(recall)s.",
                        lot=recall.lot_id.name,
                        recall=recall.name,
                    )
                )

    # Alert

    @api.model
    def _create_from_alert(self, lot, reason):
        """Raise a draft recall for ``lot`` and tell the quality managers."""
        recall = self.sudo().create(self._prepare_alert_recall_vals(lot, reason))
        recall._notify_quality_managers()
        return recall

    @api.model
    def _prepare_alert_recall_vals(self, lot, reason):
        """Values of the recall raised by a lot alert (_create_from_alert)."""
        return {
            "lot_id": lot.id,
            "company_id": (lot.company_id or self.env.company).id,
            "trigger_reason": reason,
        }

    def _get_quality_managers(self):
        self.ensure_one()
        group = self.env.ref("quality_complaint.quality_complaint_group_manager")
        return group.sudo().all_user_ids.filtered(
            lambda u: self.company_id in u.company_ids and not u.share
        )

    def _notify_quality_managers(self):
        for recall in self:
            managers = recall._get_quality_managers()
            summary = self.env._("Lot alert: %(lot)s", lot=recall.lot_id.name)
            for manager in managers:
                recall.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=summary,
                    note=recall.trigger_reason,
                    user_id=manager.id,
                )
            recall.message_post(
                body=self.env._(
                    "Lot alert raised: %(reason)s Test the retained samples, "
                    "then decide.",
                    reason=recall.trigger_reason or "",
                ),
                partner_ids=managers.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    # Affected customers

    def _action_refresh_customers(self):
        for recall in self:
            rows = [
                row
                for row in recall.lot_id._get_quality_affected_customers(
                    recall.company_id
                )
                if row["partner_id"]
            ]
            recall.customer_ids = [Command.clear()] + [
                Command.create(recall._prepare_customer_vals(row)) for row in rows
            ]

    def _prepare_customer_vals(self, row):
        """Values of an affected customer line (_action_refresh_customers)."""
        return {
            "partner_id": row["partner_id"],
            "via_partner_id": row["via_partner_id"],
            "delivered_qty": row["delivered_qty"],
            "returned_qty": row["returned_qty"] + row["forwarded_qty"],
            "net_qty": row["net_qty"],
        }

    # Execution

    def _action_execute(self):
        """Carry out the recall; each customer step is idempotent."""
        self.ensure_one()
        lines = self.customer_ids.filtered(lambda line: line.state != "done")
        if len(lines) > self.company_id.quality_recall_job_threshold:
            for line in lines:
                line.with_delay(
                    description=self.env._(
                        "Recall %(recall)s: %(partner)s",
                        recall=self.name,
                        partner=line.partner_id.display_name,
                    ),
                    identity_key=f"quality.lot.recall.customer:{line.id}",
                )._action_recall_customer()
        else:
            lines._action_recall_customer()
        self._action_quarantine_stock()

    def _get_quarantine_quants(self):
        """Our stock of the lot outside the quarantine location."""
        self.ensure_one()
        quarantine = self.warehouse_id._quality_get_quarantine_location()
        return self.env["stock.quant"].search(
            [
                ("lot_id", "=", self.lot_id.id),
                ("location_id.usage", "=", "internal"),
                ("location_id", "child_of", self.warehouse_id.view_location_id.id),
                ("location_id", "not in", quarantine.ids),
                ("quantity", ">", 0),
            ]
        )

    def _action_quarantine_stock(self):
        """Move our stock of the lot to quarantine by an internal transfer."""
        self.ensure_one()
        quants = self._get_quarantine_quants()
        if not quants:
            return self.env["stock.picking"]
        picking = self.env["stock.picking"].create(
            self._prepare_quarantine_picking_vals(quants)
        )
        picking.action_confirm()
        picking.move_ids.move_line_ids.unlink()
        picking.move_ids.move_line_ids = [
            Command.create(self._prepare_quarantine_move_line_vals(picking, quant))
            for quant in quants
        ]
        picking.move_ids.picked = True
        picking.with_context(
            skip_backorder=True, skip_sms=True, cancel_backorder=True
        ).button_validate()
        return picking

    def _prepare_quarantine_picking_vals(self, quants):
        """Values of the internal transfer to quarantine (_action_quarantine_stock)."""
        quarantine = self.warehouse_id._quality_get_quarantine_location()
        stock = self.warehouse_id.lot_stock_id
        return {
            "picking_type_id": self.warehouse_id.int_type_id.id,
            "location_id": stock.id,
            "location_dest_id": quarantine.id,
            "origin": self.name,
            "quality_recall_id": self.id,
            "move_ids": [
                Command.create(
                    {
                        "product_id": self.product_id.id,
                        "product_uom_qty": sum(quants.mapped("quantity")),
                        "product_uom": self.product_id.uom_id.id,
                        "location_id": stock.id,
                        "location_dest_id": quarantine.id,
                    }
                )
            ],
        }

    def _prepare_quarantine_move_line_vals(self, picking, quant):
        """Values of one line of the quarantine transfer."""
        return {
            "picking_id": picking.id,
            "product_id": self.product_id.id,
            "lot_id": self.lot_id.id,
            "quantity": quant.quantity,
            "location_id": quant.location_id.id,
            "location_dest_id": picking.location_dest_id.id,
        }
