# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.fields import Command
from odoo.tests import tagged

from .assessment_common import QualityAssessmentCommon


@tagged("post_install", "-at_install")
class TestDefectCategoryDefaults(QualityAssessmentCommon):
    """The defect category proposes the problem class and who pays."""

    @classmethod
    def default_env_context(cls):
        # track the overrides in the chatter
        return {
            **super().default_env_context(),
            "tracking_disable": False,
            "mail_notrack": False,
        }

    def _assert_proposal(self, key, problem_class, party, partner=None):
        ticket = self._ticket(
            partner_id=(partner or self.retail).id,
            defect_category_id=self.ref_category[key].id,
        )
        self.assertEqual(ticket.problem_class, problem_class, key)
        self.assertEqual(ticket.responsible_party, party, key)
        return ticket

    def test_defaults_per_category(self):
        self._assert_proposal("improper_use", "improper_use", "customer")
        self._assert_proposal("product_spec", "product_spec", "company")
        self._assert_proposal("design", "design", "company")
        self._assert_proposal("production", "production", "company")
        self._assert_proposal("material", "material", "supplier")
        self._assert_proposal("service", "service", "company")

    def test_improper_storage_by_customer_kind(self):
        self._assert_proposal(
            "improper_storage", "improper_storage", "distributor", self.distributor
        )
        self._assert_proposal(
            "improper_storage",
            "improper_storage",
            "distributor",
            self.distributor_contact,
        )
        self._assert_proposal("improper_storage", "improper_storage", "customer")

    def test_logistics_damage_carrier_once_evidence_is_there(self):
        """Without evidence the company pays first; with it, the carrier."""
        ticket = self._assert_proposal(
            "logistics_damage", "logistics_damage", "company"
        )
        ticket.write(
            {
                "carrier_id": self.carrier.id,
                "carrier_delivery_note_ids": [Command.link(self._document().id)],
                "damage_photo_ids": [Command.link(self._image().id)],
            }
        )
        self.assertEqual(ticket.responsible_party, "carrier")

    def test_child_category_inherits_parent_defaults(self):
        parent = self.ref_category["material"]
        child = self.env["quality.defect.category"].create(
            {"name": "Impure clay", "parent_id": parent.id}
        )
        self.assertEqual(child.complete_name, f"{parent.name} / Impure clay")
        self.assertEqual(child.default_problem_class, "material")
        self.assertEqual(child.default_responsible_party, "supplier")
        ticket = self._ticket(defect_category_id=child.id)
        self.assertEqual(ticket.problem_class, "material")
        self.assertEqual(ticket.responsible_party, "supplier")

    def test_override_is_kept_and_tracked(self):
        ticket = self._assert_proposal("production", "production", "company")
        # the creation's transaction ends: later changes are tracked
        self.env.flush_all()
        self.env.cr.flush()
        ticket.write({"problem_class": "improper_use", "severity": "serious"})
        self.env.flush_all()
        self.env.cr.flush()
        self.assertEqual(ticket.responsible_party, "customer", "class re-proposes")
        ticket.responsible_party = "distributor"
        self.env.flush_all()
        self.env.cr.flush()  # runs the precommit hooks that write the tracking
        self.assertEqual(ticket.problem_class, "improper_use")
        self.assertEqual(ticket.responsible_party, "distributor")
        tracked = ticket.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name in ("problem_class", "responsible_party")
        )
        self.assertEqual(
            sorted(v.field_id.name for v in tracked),
            ["problem_class", "responsible_party", "responsible_party"],
        )
        self.assertIn("Production", tracked.mapped("old_value_char"))
        self.assertIn("Distributor", tracked.mapped("new_value_char"))

    def test_quality_category_makes_a_complaint(self):
        category = self.env["helpdesk.ticket.category"].create(
            {"name": "Broken goods", "is_quality_category": True}
        )
        plain_team = self.env["helpdesk.ticket.team"].create({"name": "IT"})
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Broken tiles",
                "description": "x",
                "team_id": plain_team.id,
                "category_id": category.id,
            }
        )
        self.assertTrue(ticket.is_quality_complaint)
        other = self.env["helpdesk.ticket"].create(
            {"name": "Printer", "description": "x", "team_id": plain_team.id}
        )
        self.assertFalse(other.is_quality_complaint)
