# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .assessment_common import QualityAssessmentCommon


@tagged("post_install", "-at_install")
class TestCarrierEvidence(QualityAssessmentCommon):
    """Transport damage is charged to the carrier only with its signed
    delivery note, photos of the damage and the carrier itself."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.note = cls._document()
        cls.photo = cls._image("damage.png")

    def test_carrier_refused_without_evidence(self):
        ticket = self._ticket(problem_class="logistics_damage")
        with self.assertRaisesRegex(ValidationError, "delivery note signed"):
            ticket.responsible_party = "carrier"
        ticket = self._ticket(problem_class="logistics_damage")
        with self.assertRaisesRegex(ValidationError, "photos of the damage"):
            ticket.write(
                {
                    "responsible_party": "carrier",
                    "carrier_id": self.carrier.id,
                    "carrier_delivery_note_ids": [Command.link(self.note.id)],
                }
            )
        ticket = self._ticket(problem_class="logistics_damage")
        with self.assertRaisesRegex(ValidationError, "Missing on .*: the carrier."):
            ticket.write(
                {
                    "responsible_party": "carrier",
                    "carrier_delivery_note_ids": [Command.link(self.note.id)],
                    "damage_photo_ids": [Command.link(self.photo.id)],
                }
            )

    def test_carrier_accepted_with_evidence(self):
        ticket = self._ticket(
            responsible_party="carrier",
            carrier_id=self.carrier.id,
            carrier_delivery_note_ids=[Command.link(self.note.id)],
            damage_photo_ids=[Command.link(self.photo.id)],
        )
        self.assertEqual(ticket.responsible_party, "carrier")
        self.assertEqual(ticket.carrier_delivery_note_ids, self.note)
        self.assertEqual(ticket.damage_photo_ids, self.photo)
        with self.assertRaises(ValidationError):
            ticket.damage_photo_ids = [Command.clear()]

    def test_evidence_lists_are_distinct(self):
        ticket = self._ticket(carrier_delivery_note_ids=[Command.link(self.note.id)])
        self.assertFalse(ticket.damage_photo_ids)
        self.assertNotEqual(
            ticket._fields["carrier_delivery_note_ids"].relation,
            ticket._fields["damage_photo_ids"].relation,
        )

    def test_other_parties_need_no_evidence(self):
        ticket = self._ticket(problem_class="logistics_damage")
        for party in ("company", "distributor", "customer", "supplier"):
            ticket.responsible_party = party
            self.assertEqual(ticket.responsible_party, party)
