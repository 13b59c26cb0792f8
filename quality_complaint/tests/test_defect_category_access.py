# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestDefectCategoryAccess(BaseCommon):
    """Complaint users read defect categories; managers maintain them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="qa-complaint-user",
            groups="quality_complaint.quality_complaint_group_user",
        )
        cls.manager = new_test_user(
            cls.env,
            login="qa-complaint-manager",
            groups="quality_complaint.quality_complaint_group_manager",
        )
        cls.category = cls.env.ref("quality_complaint.defect_category_production")

    def test_user_reads_but_cannot_write(self):
        Category = self.env["quality.defect.category"].with_user(self.user)
        self.assertEqual(Category.browse(self.category.id).name, self.category.name)
        with self.assertRaises(AccessError):
            self.category.with_user(self.user).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            Category.create({"name": "New"})
        with self.assertRaises(AccessError):
            self.category.with_user(self.user).unlink()

    def test_manager_maintains(self):
        Category = self.env["quality.defect.category"].with_user(self.manager)
        child = Category.create(
            {"name": "Kiln temperature", "parent_id": self.category.id}
        )
        self.assertEqual(child.default_problem_class, "production")
        child.write({"name": "Kiln overheating"})
        child.unlink()

    def test_other_company_category_hidden(self):
        other = self.env["res.company"].create({"name": "QA Other Co"})
        hidden = self.env["quality.defect.category"].create(
            {"name": "Other company only", "company_id": other.id}
        )
        visible = self.env["quality.defect.category"].with_user(self.user).search([])
        self.assertNotIn(hidden, visible)
        self.assertIn(self.category, visible)
