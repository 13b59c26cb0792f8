# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common_capa import QualityCapaCommon


@tagged("post_install", "-at_install")
class TestCapaAction(QualityCapaCommon):
    def _record_effectiveness(self, action, result, note="Checked 3 batches."):
        """Drive the wizard the Record Effectiveness button opens."""
        wizard_action = action.action_record_effectiveness()
        self.assertEqual(
            wizard_action["res_model"], "quality.capa.effectiveness.wizard"
        )
        wizard_form = Form(
            action.env[wizard_action["res_model"]].with_context(
                **wizard_action["context"]
            )
        )
        wizard_form.effectiveness_result = result
        wizard_form.effectiveness_note = note
        wizard_form.save().action_confirm()

    def _owner_activities(self, action, active=True):
        return (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(
                [
                    ("res_model", "=", action._name),
                    ("res_id", "=", action.id),
                    ("active", "=", active),
                ]
            )
        )

    def test_corrective_needs_effective_check_to_close(self):
        for action_type in ("corrective", "preventive"):
            action = self._create_action(action_type).with_user(self.complaint_user)
            action.action_start()
            with self.assertRaisesRegex(UserError, "effectiveness check"):
                action.action_done()
            self._record_effectiveness(action, "not_effective")
            with self.assertRaisesRegex(UserError, "effectiveness check"):
                action.action_done()
            self.assertEqual(action.state, "in_progress")
            self._record_effectiveness(action, "effective")
            action.action_done()
            self.assertEqual(action.state, "done")
            self.assertEqual(action.checked_by_id, self.complaint_user)
            self.assertEqual(action.effectiveness_note, "Checked 3 batches.")

    @freeze_time("2026-03-05")
    def test_effectiveness_check_records_who_and_when(self):
        action = self._create_action().with_user(self.complaint_user)
        self._record_effectiveness(action, "effective", "No crack in 3 shipments.")
        self.assertEqual(action.effectiveness_result, "effective")
        self.assertEqual(action.checked_date, date(2026, 3, 5))
        self.assertEqual(action.checked_by_id, self.complaint_user)

    def test_rule_holds_for_direct_writes(self):
        action = self._create_action("corrective")
        with self.assertRaises(ValidationError):
            action.write({"state": "done"})
        done = self._create_action("corrective", effectiveness_result="effective")
        done.action_done()
        with self.assertRaises(ValidationError):
            done.effectiveness_result = "not_effective"

    def test_containment_closes_without_check(self):
        action = self._create_action("containment").with_user(self.complaint_user)
        action.action_done()
        self.assertEqual(action.state, "done")
        self.assertFalse(action.effectiveness_result)

    def test_buttons_follow_states(self):
        action = self._create_action("containment")
        action.action_cancel()
        self.assertEqual(action.state, "cancel")
        with self.assertRaises(UserError):
            action.action_done()
        action.action_reopen()
        self.assertEqual(action.state, "open")
        action.action_done()
        with self.assertRaises(UserError):
            action.action_start()
        with self.assertRaises(UserError):
            action.unlink()

    def test_owner_gets_activity_on_create(self):
        action = self._create_action()
        activity = self._owner_activities(action)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.owner)
        self.assertEqual(activity.date_deadline, date(2026, 3, 20))
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo")
        )

    def test_activity_moves_with_owner_and_due_date(self):
        action = self._create_action()
        activity = self._owner_activities(action)
        action.owner_id = self.other_owner
        self.assertEqual(self._owner_activities(action), activity, "moved, not new")
        self.assertEqual(activity.user_id, self.other_owner)
        action.due_date = date(2026, 4, 1)
        self.assertEqual(self._owner_activities(action), activity)
        self.assertEqual(activity.date_deadline, date(2026, 4, 1))

    def test_manual_activity_is_not_moved(self):
        action = self._create_action()
        manual = action.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=self.complaint_user.id,
            automated=False,
        )
        action.owner_id = self.other_owner
        self.assertEqual(manual.user_id, self.complaint_user)

    def test_done_closes_activity_and_cancel_removes_it(self):
        action = self._create_action("containment")
        activity = self._owner_activities(action)
        action.action_done()
        self.assertFalse(self._owner_activities(action))
        self.assertEqual(self._owner_activities(action, active=False), activity)
        self.assertEqual(activity.state, "done")
        cancelled = self._create_action("corrective")
        cancelled.action_cancel()
        self.assertFalse(self._owner_activities(cancelled))
        cancelled.action_reopen()
        self.assertEqual(len(self._owner_activities(cancelled)), 1)

    @freeze_time("2026-03-25")
    def test_overdue(self):
        Action = self.env["quality.capa.action"]
        late = self._create_action("corrective")
        late_done = self._create_action("containment")
        late_done.action_done()
        on_time = self._create_action("preventive", due_date="2026-04-30")
        self.assertTrue(late.is_overdue)
        self.assertFalse(late_done.is_overdue)
        self.assertFalse(on_time.is_overdue)
        mine = (late | late_done | on_time).ids
        overdue = Action.search([("is_overdue", "=", True), ("id", "in", mine)])
        self.assertEqual(overdue, late)
        not_overdue = Action.search([("is_overdue", "=", False), ("id", "in", mine)])
        self.assertEqual(not_overdue, late_done | on_time)

    def test_ticket_counts_actions(self):
        self._create_action("containment").action_done()
        self._create_action("corrective")
        self.assertEqual(self.ticket.capa_action_count, 2)
        self.assertEqual(self.ticket.capa_open_count, 1)
        action = self.ticket.action_view_capa_actions()
        self.assertEqual(action["res_model"], "quality.capa.action")
        self.assertEqual(
            self.env["quality.capa.action"].search(action["domain"]),
            self.ticket.capa_action_ids,
        )

    def test_action_entered_on_its_form(self):
        Action = self.env["quality.capa.action"].with_user(self.complaint_user)
        with Form(Action) as form:
            form.name = "Add a compression test to incoming inspection"
            form.ticket_id = self.ticket
            form.action_type = "preventive"
            form.due_date = date(2026, 5, 4)
        action = form.record
        self.assertEqual(action.owner_id, self.complaint_user, "owner defaults to me")
        self.assertEqual(action.company_id, self.ticket.company_id)
        self.assertEqual(self._owner_activities(action).user_id, self.complaint_user)
