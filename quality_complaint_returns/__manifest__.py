# Copyright 2026 Quality Complaint for Odoo contributors
# License AGPL-3.0 or later (http://www.gnu.org/licenses/agpl).
{
    "name": "Quality Complaint Returns and Compensation",
    "summary": "Carry out complaint compensation with Odoo's own documents: "
    "returns, replacements, repairs, credit notes, write-offs, deductions, recalls",
    "version": "19.0.1.0.0",
    "license": "AGPL-3",
    "category": "After-Sales",
    "author": "Quality Complaint for Odoo contributors",
    "website": "https://github.com/quality-complaint/quality-complaint",
    "maintainers": ["quality-complaint"],
    "development_status": "Alpha",
    "depends": [
        "quality_complaint",
        "stock_account",
        "repair",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/quality_complaint_returns_menus.xml",
        "security/quality_lot_customer_security.xml",
        "wizards/quality_lot_customer_views.xml",
        "views/stock_lot_views.xml",
        "wizards/quality_partner_hold_views.xml",
        "views/quality_compensation_recovery_views.xml",
        "views/res_partner_recovery_views.xml",
        "views/res_config_settings_recovery_views.xml",
        "report/quality_supplier_claim_report.xml",
    ],
    "demo": [
        "demo/quality_recovery_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "quality_complaint_returns/static/tests/tours/*.js",
        ],
    },
    "application": False,
}
