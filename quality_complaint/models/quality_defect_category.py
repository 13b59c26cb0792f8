# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PROBLEM_CLASSES = [
    ("logistics_damage", "Logistics Damage"),
    ("improper_storage", "Improper Storage"),
    ("improper_use", "Improper Use"),
    ("product_spec", "Product Specification"),
    ("design", "Design"),
    ("production", "Production"),
    ("material", "Material"),
    ("service", "Service"),
]

RESPONSIBLE_PARTIES = [
    ("company", "Our Company"),
    ("carrier", "Carrier"),
    ("distributor", "Distributor"),
    ("customer", "Customer"),
    ("supplier", "Supplier"),
]


class QualityDefectCategory(models.Model):
    _name = "quality.defect.category"
    _description = "Quality Defect Category"
    _order = "sequence, name, id"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(
        compute="_compute_complete_name",
        recursive=True,
        search="_search_complete_name",
    )
    parent_id = fields.Many2one(
        "quality.defect.category",
        string="Parent Category",
        index=True,
        ondelete="cascade",
    )
    child_ids = fields.One2many(
        "quality.defect.category", "parent_id", string="Child Categories"
    )
    parent_path = fields.Char(index=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to share the category between companies.",
    )
    default_problem_class = fields.Selection(
        PROBLEM_CLASSES,
        compute="_compute_default_problem_class",
        store=True,
        readonly=False,
        recursive=True,
        help="Proposed on complaints of this category; inherited from the parent.",
    )
    default_responsible_party = fields.Selection(
        RESPONSIBLE_PARTIES,
        compute="_compute_default_responsible_party",
        store=True,
        readonly=False,
        recursive=True,
        help="Who bears the cost of complaints of this category; inherited from "
        "the parent. Empty: derived from the problem class (carrier for "
        "logistics damage, supplier for material, customer for improper use, "
        "distributor or customer for improper storage, our company otherwise).",
    )
    description = fields.Html(translate=True)

    _check_parent = models.Constraint(
        "CHECK (parent_id IS NULL OR parent_id != id)",
        "A category cannot be its own parent.",
    )

    @api.depends("name", "parent_id.complete_name")
    @api.depends_context("lang")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = (
                    f"{category.parent_id.complete_name} / {category.name}"
                )
            else:
                category.complete_name = category.name

    def _search_complete_name(self, operator, value):
        categories = self.with_context(active_test=False).search_fetch(
            [], ["complete_name"]
        )
        return [
            (
                "id",
                "in",
                categories.filtered_domain([("complete_name", operator, value)]).ids,
            )
        ]

    @api.depends("parent_id.default_problem_class")
    def _compute_default_problem_class(self):
        for category in self:
            if category.parent_id and not category.default_problem_class:
                category.default_problem_class = (
                    category.parent_id.default_problem_class
                )

    @api.depends("parent_id.default_responsible_party")
    def _compute_default_responsible_party(self):
        for category in self:
            if category.parent_id and not category.default_responsible_party:
                category.default_responsible_party = (
                    category.parent_id.default_responsible_party
                )

    @api.constrains("parent_id")
    def _check_parent_recursion(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A defect category cannot be its own ancestor.")
            )
