# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
# ruff: noqa: E501 (the access matrix below is a wide table)
"""The access matrix: every role x every model operation and action.

The table below is the specification (the README quotes it). Each cell runs
in its own savepoint: the fixture is built as the administrator, the operation
runs as the role, and everything is rolled back before the next cell.

    Y  allowed
    -  refused with AccessError (no access right, record rule or group check)
    R  refused by a business rule (UserError): the role may act on the
       record, but not in this situation (e.g. not a reviewer of this tier)

Roles: ``portal`` the complaint's customer on the portal; ``user`` a
Complaint User of the complaint's team (not its owner); ``manager`` a
Complaint Manager (the owner's department head); ``director`` a Quality
Director; ``stock`` a warehouse user (Inventory / User only); ``account`` an
accountant (Accounting / Administrator only); ``other_co`` a user of another
company with every complaint, inventory and accounting right;
``other_team`` a Complaint User of another team of the same company.
"""

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.quality_complaint.tests.compensation_common import (
    DIRECTOR,
    MANAGER,
    USER,
)

from .recovery_common import RecoveryCommon
from .returns_common import ReturnsCommon

ROLES = (
    "portal",
    "user",
    "manager",
    "director",
    "stock",
    "account",
    "other_co",
    "other_team",
)

# fmt: off
MATRIX = """
case                              portal user manager director stock account other_co other_team
complaint_read                      Y     Y      Y       Y       -      -       -         -
complaint_write                     -     Y      Y       Y       -      -       -         -
complaint_create                    -     Y      Y       Y       -      -       -         Y
complaint_unlink                    -     -      -       -       -      -       -         -
complaint_mark_answered             R     R      Y       Y       -      -       -         -
complaint_propose_compensation      -     Y      Y       Y       -      -       -         -
complaint_change_owner              -     -      Y       Y       -      -       -         -
compensation_read                   -     Y      Y       Y       -      Y       -         -
compensation_write                  -     Y      Y       Y       -      -       -         -
compensation_create                 -     Y      Y       Y       -      -       -         -
compensation_unlink                 -     -      Y       Y       -      -       -         -
compensation_submit                 -     Y      Y       Y       -      -       -         -
compensation_approve                -     R      Y       Y       -      R       -         -
compensation_approve_account_tier   -     R      R       R       -      Y       -         -
compensation_reject                 -     R      Y       Y       -      R       -         -
compensation_cancel                 -     Y      Y       Y       -      -       -         -
compensation_done                   -     Y      Y       Y       -      -       -         -
compensation_line_read              -     Y      Y       Y       -      Y       -         -
compensation_line_write             -     Y      Y       Y       -      -       -         -
compensation_line_create            -     Y      Y       Y       -      -       -         -
compensation_line_unlink            -     Y      Y       Y       -      -       -         -
recovery_read                       -     Y      Y       Y       -      Y       -         -
recovery_write                      -     Y      Y       Y       -      -       -         -
create_return                       -     Y      Y       Y       -      -       -         -
validate_return_receipt             -     -      -       -       Y      Y       -         -
scrap_returned_goods                -     -      -       -       Y      Y       -         -
create_credit_notes                 -     -      -       -       -      -       -         -
create_payments                     -     -      -       -       -      -       -         -
create_documents                    -     Y      Y       Y       -      -       -         -
post_credit_note                    -     -      -       -       -      Y       -         -
write_off                           -     -      -       -       -      Y       -         -
charge_carrier                      -     -      -       -       -      Y       -         -
claim_supplier                      -     -      -       -       -      Y       -         -
deduct_rebate                       -     -      -       -       -      Y       -         -
sale_hold                           -     -      Y       Y       -      -       Y         -
sale_hold_own_co                    -     -      Y       Y       -      -       -         -
defect_category_read                -     Y      Y       Y       -      -       -         Y
defect_category_write               -     -      Y       Y       -      -       -         -
defect_category_create              -     -      Y       Y       -      -       Y         -
capa_read                           -     Y      Y       Y       -      -       -         -
capa_write                          -     Y      Y       Y       -      -       -         -
capa_create                         -     Y      Y       Y       -      -       -         -
capa_effectiveness                  -     Y      Y       Y       -      -       -         -
capa_unlink                         -     Y      Y       Y       -      -       -         -
why_create                          -     Y      Y       Y       -      -       -         -
breach_read                         -     -      Y       Y       -      -       -         -
breach_write                        -     -      Y       Y       -      -       -         -
breach_create                       -     -      -       Y       -      -       -         -
breach_unlink                       -     -      -       Y       -      -       -         -
complaint_report_read               -     -      Y       Y       -      -       -         -
rate_report_read                    -     -      Y       Y       -      -       -         -
recall_read                         -     Y      Y       Y       Y      -       -         Y
recall_write                        -     -      Y       Y       -      -       -         -
recall_create                       -     -      Y       Y       -      -       Y         -
recall_unlink                       -     -      -       Y       -      -       -         -
recall_decide                       -     -      Y       Y       -      -       -         -
recall_execute                      -     -      Y       Y       -      -       -         -
recall_execute_again                -     -      Y       Y       -      -       -         -
recall_customer_read                -     Y      Y       Y       Y      -       -         Y
lot_report_read                     -     Y      Y       Y       -      -       -         Y
"""
# fmt: on


def _parse_matrix(text):
    """{case: {role: expected}} from the table above."""
    rows = [line.split() for line in text.strip().splitlines()]
    header, body = rows[0], rows[1:]
    assert tuple(header[1:]) == ROLES, header
    return {row[0]: dict(zip(ROLES, row[1:], strict=True)) for row in body}


EXPECTED = _parse_matrix(MATRIX)


class _Rollback(Exception):
    """Raised to leave a cell's savepoint, carrying its outcome."""


@tagged("post_install", "-at_install")
class TestAccessMatrix(ReturnsCommon, RecoveryCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.portal = new_test_user(env, login="qcm_portal", groups="base.group_portal")
        cls.portal.partner_id.parent_id = cls.customer
        cls.account = new_test_user(
            env, login="qcm_account", groups="account.group_account_manager"
        )
        cls.company_b = env["res.company"].create({"name": "QCM Company B"})
        cls.other_co = new_test_user(
            env,
            login="qcm_other_co",
            groups=f"{DIRECTOR},stock.group_stock_user,"
            "account.group_account_manager,sales_team.group_sale_manager",
            company_id=cls.company_b.id,
            company_ids=cls.company_b.ids,
        )
        # our groups only: sales, stock or accounting rights would blur the matrix
        cls.q_user = new_test_user(env, login="qcm_user", groups=USER)
        cls.q_manager = new_test_user(env, login="qcm_manager", groups=MANAGER)
        cls.q_director = new_test_user(env, login="qcm_director", groups=DIRECTOR)
        cls.team.user_ids |= cls.q_user | cls.q_manager
        cls.q_outsider = new_test_user(env, login="qcm_outsider", groups=USER)
        env["helpdesk.ticket.team"].create(
            {"name": "QCM other team", "user_ids": [Command.link(cls.q_outsider.id)]}
        )
        cls.role_users = {
            "portal": cls.portal,
            "user": cls.q_user,
            "manager": cls.q_manager,
            "director": cls.q_director,
            "stock": cls.storekeeper,
            "account": cls.account,
            "other_co": cls.other_co,
            "other_team": cls.q_outsider,
        }
        cls.ticket.write(
            {
                "responsible_party": "carrier",
                "carrier_id": cls.carrier.id,
                "carrier_delivery_note_ids": [Command.link(cls._evidence(cls).id)],
                "damage_photo_ids": [Command.link(cls._evidence(cls, "crate.png").id)],
            }
        )
        cls.category_a = env["quality.defect.category"].create(
            {"name": "QCM company A only", "company_id": env.company.id}
        )
        cls._rebate_accrual(cls, 5000)

    # ------------------------------------------------------------------
    # The runner
    # ------------------------------------------------------------------

    def _run_cell(self, case, user):
        """(Y, - or R, error message): ``case`` run as ``user``, rolled back."""
        try:
            with self.env.cr.savepoint():
                try:
                    getattr(self, f"_case_{case}")(user)
                    outcome = ("Y", "")
                except AccessError as error:
                    outcome = ("-", str(error))
                except UserError as error:
                    outcome = ("R", str(error))
                raise _Rollback(outcome)
        except _Rollback as done:
            return done.args[0]
        finally:
            self.env.invalidate_all(flush=False)

    def _check_cases(self, *prefixes):
        """Run every cell of the rows starting with ``prefixes``; report all
        the cells that differ from the table at once."""
        cases = [case for case in EXPECTED if case.startswith(prefixes)]
        self.assertTrue(cases)
        wrong = []
        for case in cases:
            for role, expected in EXPECTED[case].items():
                with self.subTest(case=case, role=role):
                    got, error = self._run_cell(case, self.role_users[role])
                    if got != expected:
                        wrong.append(f"{case} as {role}: {got} ({error[:150]})")
        self.assertFalse(wrong, "\n".join(["cells off the matrix:", *wrong]))

    def test_complaint(self):
        self._check_cases("complaint_")

    def test_compensation(self):
        self._check_cases("compensation_", "recovery_", "sale_hold")

    def test_execution(self):
        self._check_cases(
            "create_", "validate_", "post_", "write_off", "charge_", "deduct_"
        )

    def test_assessment_and_capa(self):
        self._check_cases("defect_category_", "capa_", "why_", "breach_", "rate_")

    def test_lot_and_recall(self):
        self._check_cases("recall", "lot_report_")

    def test_matrix_covers_every_model_of_the_addons(self):
        """Every model with an access line in our addons has a row (or is a
        wizard reached through an action row)."""
        through_actions = {
            "quality.capa.effectiveness.wizard": "capa (effectiveness check)",
            "quality.complaint.owner.change": "complaint_change_owner",
            "quality.compensation.reject": "compensation_reject",
            "quality.partner.hold": "sale_hold",
            "quality.lot.customer": "lot customers wizard (read-only lists)",
            "quality.complaint.why": "why_create",
            "loyalty.card": "loyalty bridge (quality_complaint_loyalty)",
            "loyalty.program": "loyalty bridge (quality_complaint_loyalty)",
            "stock.lot": "lot statistics (read)",
        }
        covered = {
            "helpdesk.ticket": "complaint",
            "quality.compensation": "compensation",
            "quality.compensation.line": "compensation_line",
            "quality.compensation.recovery": "recovery",
            "quality.defect.category": "defect_category",
            "quality.capa.action": "capa",
            "quality.complaint.breach": "breach",
            "quality.complaint.report": "complaint_report",
            "quality.complaint.rate.report": "rate_report",
            "quality.lot.recall": "recall",
            "quality.lot.recall.customer": "recall_customer",
            "quality.lot.report": "lot_report",
        }
        modules = (
            "quality_complaint",
            "quality_complaint_returns",
            "quality_complaint_loyalty",
        )
        accesses = self.env["ir.model.access"].search(
            [("id", "in", self._xmlid_res_ids("ir.model.access", modules))]
        )
        for model in set(accesses.model_id.mapped("model")):
            with self.subTest(model=model):
                self.assertTrue(
                    model in covered or model in through_actions,
                    f"{model} has access rights but no row in the access matrix",
                )
        for model, prefix in covered.items():
            self.assertTrue(any(case.startswith(prefix) for case in EXPECTED), model)

    def _xmlid_res_ids(self, model, modules):
        return (
            self.env["ir.model.data"]
            .search([("model", "=", model), ("module", "in", modules)])
            .mapped("res_id")
        )

    # ------------------------------------------------------------------
    # Fixtures (as the administrator)
    # ------------------------------------------------------------------

    def _draft(self, **vals):
        return self.Compensation.create(
            dict(
                {
                    "ticket_id": self.ticket.id,
                    "line_ids": [
                        Command.create(
                            {"compensation_type": "cash", "price_unit": 100.0}
                        )
                    ],
                    "recovery_ids": [],
                },
                **vals,
            )
        )

    def _under_review(self):
        """A proposal waiting for two tiers: Complaint Managers and Quality
        Directors (members of the group, not of groups implying it)."""
        model = self.env["ir.model"]._get("quality.compensation")
        for name, group in (("QCM managers", MANAGER), ("QCM directors", DIRECTOR)):
            self.env["tier.definition"].create(
                {
                    "name": name,
                    "model_id": model.id,
                    "review_type": "group",
                    "reviewer_group_id": self.env.ref(group).id,
                }
            )
        comp = self._draft()
        comp.action_submit()
        self.assertEqual(comp.state, "to_approve")
        return comp

    def _approved_as_admin(self, lines, **vals):
        comp = self._draft(line_ids=[Command.create(line) for line in lines], **vals)
        comp.action_submit()
        self.assertEqual(comp.state, "approved")
        return comp

    def _refund_approved(self):
        return self._approved_as_admin(
            [
                {
                    "compensation_type": "refund",
                    "product_id": self.product.id,
                    "quantity": 1,
                    "price_unit": 150.0,
                }
            ]
        )

    def _recovery_approved(self, party):
        partner = getattr(self, party)
        return self._approved_as_admin(
            [{"compensation_type": "cash", "price_unit": 300.0}],
            recovery_ids=[
                Command.create(
                    {"recovery_party": party, "partner_id": partner.id, "amount": 300}
                )
            ],
        )

    def _capa(self):
        return self.env["quality.capa.action"].create(
            {
                "name": "QCM re-pack",
                "ticket_id": self.ticket.id,
                "action_type": "containment",
                "owner_id": self.salesperson.id,
                "due_date": "2026-12-01",
            }
        )

    def _breach(self):
        return self.env["quality.complaint.breach"].create(self._breach_vals())

    def _breach_vals(self):
        return {
            "ticket_id": self.ticket.id,
            "owner_id": self.salesperson.id,
            "breach_type": "response",
            "deadline": "2026-11-01 09:00:00",
            "hours_late": 5.0,
            "penalty_amount": 30.0,
            "company_id": self.ticket.company_id.id,
        }

    def _recall(self, decided=False):
        recall = self.env["quality.lot.recall"].create({"lot_id": self.lot.id})
        if decided:
            recall.write(
                {
                    "sample_test_result": "fail",
                    "sample_test_date": "2026-04-01",
                    "decision": "recall",
                }
            )
            recall.action_decide()
        return recall

    # ------------------------------------------------------------------
    # The cases: build as admin, act as ``user``
    # ------------------------------------------------------------------

    def _case_complaint_read(self, user):
        self.ticket.with_user(user).read(["name", "lot_id", "severity"])

    def _case_complaint_write(self, user):
        self.ticket.with_user(user).write({"complaint_qty": 3})

    def _case_complaint_create(self, user):
        self.env["helpdesk.ticket"].with_user(user).create(
            {
                "name": "QCM new",
                "description": "x",
                "team_id": self.team.id,
                "partner_id": self.customer.id,
                "company_id": self.ticket.company_id.id,
            }
        )

    def _case_complaint_unlink(self, user):
        self.ticket.with_user(user).unlink()

    def _case_complaint_mark_answered(self, user):
        self.ticket.with_user(user).action_mark_answered()

    def _case_complaint_propose_compensation(self, user):
        """The button opens a form; saving it creates the proposal."""
        action = self.ticket.with_user(user).action_propose_compensation()
        self.Compensation.with_user(user).with_context(**action["context"]).create(
            {"line_ids": [Command.create({"compensation_type": "cash"})]}
        )

    def _case_complaint_change_owner(self, user):
        wizard = (
            self.env["quality.complaint.owner.change"]
            .with_user(user)
            .create(
                {
                    "ticket_id": self.ticket.id,
                    "new_owner_id": self.hotline.id,
                    "reason": "Holiday",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(self.ticket.first_responsible_id, self.hotline)

    def _case_compensation_read(self, user):
        self._draft().with_user(user).read(["name", "amount_total"])

    def _case_compensation_write(self, user):
        self._draft().with_user(user).write({"solution": "<p>Refund</p>"})

    def _case_compensation_create(self, user):
        self.Compensation.with_user(user).create({"ticket_id": self.ticket.id})

    def _case_compensation_unlink(self, user):
        self._draft().with_user(user).unlink()

    def _case_compensation_submit(self, user):
        self._draft().with_user(user).action_submit()

    def _case_compensation_approve(self, user):
        comp = self._under_review()
        comp.with_user(user).validate_tier()
        done = comp.review_ids.filtered(lambda r: r.status == "approved")
        self.assertEqual(done.done_by, user)

    def _case_compensation_approve_account_tier(self, user):
        """A tier of Accounting / Administrator: the accountant approves."""
        model = self.env["ir.model"]._get("quality.compensation")
        self.env["tier.definition"].create(
            {
                "name": "QCM accounting",
                "model_id": model.id,
                "review_type": "group",
                "reviewer_group_id": self.env.ref("account.group_account_manager").id,
            }
        )
        comp = self._draft()
        comp.action_submit()
        comp.with_user(user).validate_tier()
        self.assertEqual(comp.state, "approved")

    def _case_compensation_reject(self, user):
        comp = self._under_review()
        wizard = (
            self.env["quality.compensation.reject"]
            .with_user(user)
            .create({"compensation_id": comp.id, "reason": "Too much"})
        )
        wizard.action_reject()
        self.assertEqual(comp.state, "rejected")

    def _case_compensation_cancel(self, user):
        comp = self._approved_as_admin([{"compensation_type": "cash"}])
        comp.with_user(user).action_cancel()

    def _case_compensation_done(self, user):
        comp = self._approved_as_admin([{"compensation_type": "cash"}])
        comp.line_ids.executed = True
        comp.with_user(user).action_done()
        self.assertEqual(comp.state, "done")

    def _case_compensation_line_read(self, user):
        self._draft().line_ids.with_user(user).read(["amount"])

    def _case_compensation_line_write(self, user):
        self._draft().line_ids.with_user(user).write({"price_unit": 90.0})

    def _case_compensation_line_create(self, user):
        comp = self._draft()
        self.env["quality.compensation.line"].with_user(user).create(
            {"compensation_id": comp.id, "compensation_type": "cash"}
        )

    def _case_compensation_line_unlink(self, user):
        self._draft().line_ids.with_user(user).unlink()

    def _case_recovery_read(self, user):
        self._recovery_approved("carrier").recovery_ids.with_user(user).read(["amount"])

    def _case_recovery_write(self, user):
        comp = self._draft(
            recovery_ids=[
                Command.create(
                    {"recovery_party": "carrier", "partner_id": self.carrier.id}
                )
            ]
        )
        comp.recovery_ids.with_user(user).write({"amount": 10.0})

    def _case_create_return(self, user):
        comp = self._approved_as_admin(
            [{"compensation_type": "replacement", "quantity": 1}]
        )
        comp.with_user(user).action_quality_create_return()
        self.assertTrue(comp.picking_ids)

    def _case_validate_return_receipt(self, user):
        comp = self._approved_as_admin(
            [{"compensation_type": "replacement", "quantity": 1}]
        )
        comp.action_quality_create_return()
        receipt = comp.picking_ids
        self._validate(receipt, user=user)
        self.assertEqual(receipt.state, "done")

    def _case_scrap_returned_goods(self, user):
        """Disposition of a validated complaint receipt: scrap."""
        comp = self._approved_as_admin(
            [{"compensation_type": "refund", "quantity": 1, "price_unit": 1.0}]
        )
        comp.action_quality_create_return()
        receipt = comp.picking_ids
        self._validate(receipt, user=self.env.user)
        receipt.with_user(user).action_quality_scrap()
        self.assertTrue(receipt._quality_get_scraps())

    def _case_create_credit_notes(self, user):
        comp = self._refund_approved()
        comp.with_user(user).action_create_credit_notes()
        self.assertTrue(comp.line_ids.account_move_id)

    def _case_post_credit_note(self, user):
        comp = self._refund_approved()
        comp.action_create_credit_notes()
        refund = comp.line_ids.account_move_id
        refund.with_user(user).action_post()
        self.assertEqual(refund.state, "posted")

    def _case_write_off(self, user):
        comp = self._approved_as_admin(
            [{"compensation_type": "repair", "quantity": 1, "price_unit": 80.0}]
        )
        comp.with_user(user).action_write_off()
        self.assertEqual(comp.write_off_move_id.state, "posted")

    def _case_create_payments(self, user):
        comp = self._approved_as_admin(
            [{"compensation_type": "cash", "quantity": 1, "price_unit": 50.0}]
        )
        comp.with_user(user).action_create_payments()
        self.assertTrue(comp.payment_ids)

    def _case_create_documents(self, user):
        comp = self._approved_as_admin(
            [{"compensation_type": "reissue", "quantity": 1}]
        )
        comp.with_user(user).action_quality_create_documents()
        self.assertEqual(len(comp.sudo()._quality_get_pickings()), 1)

    def _case_claim_supplier(self, user):
        comp = self._recovery_approved("supplier")
        comp.with_user(user).action_quality_claim_supplier()
        self.assertTrue(comp.recovery_ids.move_id)

    def _case_charge_carrier(self, user):
        comp = self._recovery_approved("carrier")
        comp.with_user(user).action_quality_charge_carrier()
        self.assertTrue(comp.recovery_ids.move_id)

    def _case_deduct_rebate(self, user):
        comp = self._recovery_approved("distributor")
        comp.with_user(user).action_quality_deduct_rebate()
        self.assertTrue(comp.recovery_ids.move_id)

    def _case_sale_hold(self, user):
        wizard = (
            self.env["quality.partner.hold"]
            .with_user(user)
            .create({"partner_id": self.distributor.id, "reason": "Open claims"})
        )
        wizard.action_confirm()

    def _case_sale_hold_own_co(self, user):
        """A distributor of company A only."""
        self.distributor.company_id = self.env.company
        self._case_sale_hold(user)

    def _case_defect_category_read(self, user):
        self.category_a.with_user(user).read(["name"])

    def _case_defect_category_write(self, user):
        self.category_a.with_user(user).write({"name": "Renamed"})

    def _case_defect_category_create(self, user):
        self.env["quality.defect.category"].with_user(user).create({"name": "New"})

    def _case_capa_read(self, user):
        self._capa().with_user(user).read(["name", "state"])

    def _case_capa_write(self, user):
        self._capa().with_user(user).action_start()

    def _case_capa_create(self, user):
        self.env["quality.capa.action"].with_user(user).create(
            {"name": "QCM", "ticket_id": self.ticket.id, "due_date": "2026-12-01"}
        )

    def _case_capa_effectiveness(self, user):
        action = self._capa()
        action.action_type = "corrective"
        wizard = (
            self.env["quality.capa.effectiveness.wizard"]
            .with_user(user)
            .create(
                {
                    "capa_action_id": action.id,
                    "effectiveness_result": "effective",
                    "effectiveness_note": "Three batches checked",
                }
            )
        )
        wizard.action_confirm()
        action.with_user(user).action_done()
        self.assertEqual(action.state, "done")

    def _case_capa_unlink(self, user):
        self._capa().with_user(user).unlink()

    def _case_why_create(self, user):
        self.env["quality.complaint.why"].with_user(user).create(
            {"ticket_id": self.ticket.id, "question": "Why?"}
        )

    def _case_breach_read(self, user):
        self._breach().with_user(user).read(["penalty_amount"])

    def _case_breach_write(self, user):
        self._breach().with_user(user).write({"penalty_amount": 0.0})

    def _case_breach_create(self, user):
        self.env["quality.complaint.breach"].with_user(user).create(self._breach_vals())

    def _case_breach_unlink(self, user):
        self._breach().with_user(user).unlink()

    def _case_complaint_report_read(self, user):
        self._read_report(
            user, "quality.complaint.report", [("ticket_id", "=", self.ticket.id)]
        )

    def _case_rate_report_read(self, user):
        self._read_report(
            user,
            "quality.complaint.rate.report",
            [("product_id", "=", self.product.id)],
        )

    def _read_report(self, user, model, domain):
        """Read the rows the administrator finds, as the role."""
        self.env.flush_all()
        rows = self.env[model].search(domain)
        self.assertTrue(rows, f"{model}: no row to read")
        rows.with_user(user).read(list(rows._fields))

    def _case_recall_read(self, user):
        self._recall().with_user(user).read(["name", "state"])

    def _case_recall_write(self, user):
        self._recall().with_user(user).write({"sample_test_result": "pass"})

    def _case_recall_create(self, user):
        self.env["quality.lot.recall"].with_user(user).create({"lot_id": self.lot.id})

    def _case_recall_unlink(self, user):
        self._recall().with_user(user).unlink()

    def _case_recall_decide(self, user):
        recall = self._recall()
        recall.write(
            {
                "sample_test_result": "fail",
                "sample_test_date": "2026-04-01",
                "decision": "recall",
            }
        )
        recall.with_user(user).action_decide()
        self.assertEqual(recall.state, "decided")

    def _case_recall_execute(self, user):
        recall = self._recall(decided=True)
        recall.with_user(user).action_execute()
        self.assertEqual(recall.state, "in_progress")

    def _case_recall_execute_again(self, user):
        """Running a recall in progress again (idempotent) is still executing."""
        recall = self._recall(decided=True)
        recall.action_execute()
        recall.with_user(user).action_execute()

    def _case_recall_customer_read(self, user):
        customers = self._recall().customer_ids
        self.assertTrue(customers)
        customers.with_user(user).read(["partner_id"])

    def _case_lot_report_read(self, user):
        self._read_report(user, "quality.lot.report", [("lot_id", "=", self.lot.id)])


@tagged("post_install", "-at_install")
class TestSharedLotCompanies(ReturnsCommon):
    """A lot without company shipped by two companies: each company sees only
    its own customers, complaints and shipments of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.company_b = env["res.company"].create({"name": "QCM Shared Lot B"})
        env.user.company_ids |= cls.company_b
        cls.other_co = new_test_user(
            env,
            login="qcm_shared_b",
            groups=f"{DIRECTOR},stock.group_stock_user",
            company_id=cls.company_b.id,
            company_ids=cls.company_b.ids,
        )
        cls.customer_b = env["res.partner"].create({"name": "QCM B customer"})
        env_b = env(context=dict(env.context, allowed_company_ids=cls.company_b.ids))
        warehouse = env_b["stock.warehouse"].search(
            [("company_id", "=", cls.company_b.id)], limit=1
        )
        stock = warehouse.lot_stock_id
        suppliers = env.ref("stock.stock_location_suppliers")
        for ptype, src, dest, partner, qty in (
            (warehouse.in_type_id, suppliers, stock, cls.supplier, 7),
            (warehouse.out_type_id, stock, cls.customer_loc, cls.customer_b, 4),
        ):
            picking = env_b["stock.picking"].create(
                {
                    "picking_type_id": ptype.id,
                    "location_id": src.id,
                    "location_dest_id": dest.id,
                    "partner_id": partner.id,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": qty,
                                "location_id": src.id,
                                "location_dest_id": dest.id,
                            }
                        )
                    ],
                }
            )
            picking.action_confirm()
            picking.move_ids._quality_set_lot(cls.lot)
            picking.move_ids.picked = True
            picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
            assert (picking.state, picking.company_id) == ("done", cls.company_b)
        team_b = env_b["helpdesk.ticket.team"].create(
            {"name": "QCM B", "is_quality_team": True, "company_id": cls.company_b.id}
        )
        cls.ticket_b = env_b["helpdesk.ticket"].create(
            {
                "name": "B complaint",
                "description": "x",
                "team_id": team_b.id,
                "company_id": cls.company_b.id,
                "partner_id": cls.customer_b.id,
                "product_id": cls.product.id,
                "lot_id": cls.lot.id,
                "complaint_qty": 1,
            }
        )

    def test_each_company_sees_its_own_lot_figures(self):
        self.assertFalse(self.lot.company_id, "the lot is shared")
        self.env.flush_all()
        Report = self.env["quality.lot.report"]
        rows = Report.with_user(self.other_co).search([("lot_id", "=", self.lot.id)])
        self.assertEqual(rows.company_id, self.company_b)
        self.assertEqual((rows.complaint_count, rows.shipped_qty), (1, 4.0))
        lot_b = self.lot.with_user(self.other_co)
        partners = {
            row["partner_id"] for row in lot_b._get_quality_affected_customers()
        }
        self.assertEqual(partners, {self.customer_b.id})
        lot_a = self.lot.with_context(allowed_company_ids=self.env.company.ids)
        partners = {
            row["partner_id"] for row in lot_a._get_quality_affected_customers()
        }
        self.assertEqual(partners, {self.customer.commercial_partner_id.id})

    def test_recall_of_company_b_lists_only_its_customers(self):
        recall = (
            self.env["quality.lot.recall"]
            .with_user(self.other_co)
            .create({"lot_id": self.lot.id})
        )
        self.assertEqual(recall.company_id, self.company_b)
        self.assertEqual(recall.customer_ids.partner_id, self.customer_b)
