# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .compensation_common import CompensationCommon


@tagged("post_install", "-at_install")
class TestCompensationRejection(CompensationCommon):
    def _reject(self, comp, user, reason):
        action = comp.with_user(user).reject_tier()
        self.assertEqual(action["res_model"], "quality.compensation.reject")
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard.reason = reason
        return wizard.save().action_reject()

    def test_reject_with_reason_and_resubmit(self):
        comp = self._create_compensation(2000)
        comp.action_submit()
        self._reject(comp, self.head, "Offer a replacement instead of cash")
        self.assertEqual(comp.state, "rejected")
        self.assertEqual(comp.rejection_reason, "Offer a replacement instead of cash")
        bodies = " ".join(comp.message_ids.mapped("body"))
        self.assertIn("Offer a replacement instead of cash", bodies)
        self.assertIn("QC Department Head", bodies)
        with self.assertRaises(UserError):
            comp.line_ids.price_unit = 1500  # still locked while rejected
        comp.with_user(self.salesperson).action_draft()
        self.assertEqual(comp.state, "draft")
        self.assertFalse(comp.review_ids)
        comp.with_user(self.salesperson).write(
            {"line_ids": [Command.update(comp.line_ids.id, {"price_unit": 1500})]}
        )
        comp.with_user(self.salesperson).action_submit()
        self.assertEqual(comp.state, "to_approve")
        self.assertEqual(len(comp.review_ids), 2)
        self.assertEqual(set(comp.review_ids.mapped("status")), {"pending", "waiting"})

    def test_reason_required(self):
        comp = self._create_compensation(2000)
        comp.action_submit()
        with self.assertRaises(UserError):
            comp.with_user(self.head)._action_reject("  ")
        wizard = Form(
            self.env["quality.compensation.reject"]
            .with_user(self.head)
            .with_context(default_compensation_id=comp.id)
        )
        with self.assertRaises(AssertionError):
            wizard.save()  # reason is required in the form
        self.assertEqual(comp.state, "to_approve")

    def test_reject_only_by_current_reviewer(self):
        comp = self._create_compensation(2000)
        comp.action_submit()
        with self.assertRaises(UserError):
            comp.with_user(self.accountant)._action_reject("Not my turn")
        self.assertEqual(comp.state, "to_approve")

    def test_reject_twice_refused(self):
        comp = self._create_compensation(2000)
        comp.action_submit()
        comp.with_user(self.head)._action_reject("No")
        with self.assertRaises(UserError):
            comp.with_user(self.head)._action_reject("No again")

    def test_mixin_comment_wizard_path(self):
        """The mixin's own comment wizard also needs a reason and rejects fully."""
        comp = self._create_compensation(2000)
        comp.action_submit()
        review = comp.review_ids.filtered(lambda r: r.status == "pending")
        with self.assertRaises(UserError):
            comp.with_user(self.head)._rejected_tier(review)
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.head)
            .create(
                {
                    "res_model": comp._name,
                    "res_id": comp.id,
                    "review_ids": [Command.set(review.ids)],
                    "validate_reject": "reject",
                    "comment": "Wrong customer",
                }
            )
        )
        wizard.add_comment()
        self.assertEqual(comp.state, "rejected")
        self.assertEqual(comp.rejection_reason, "Wrong customer")
