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
        "queue_job",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/quality_complaint_returns_menus.xml",
        "security/quality_lot_customer_security.xml",
        "wizards/quality_lot_customer_views.xml",
        "views/stock_lot_views.xml",
        "data/stock_warehouse_data.xml",
        "views/stock_picking_views.xml",
        "views/quality_compensation_views.xml",
        "security/quality_lot_recall_security.xml",
        "data/quality_lot_recall_data.xml",
        "views/quality_lot_recall_views.xml",
        "views/stock_lot_recall_views.xml",
        "views/helpdesk_ticket_recall_views.xml",
        "views/res_config_settings_recall_views.xml",
        "data/quality_complaint_accounting_data.xml",
        "views/account_move_views.xml",
        "views/quality_compensation_accounting_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": [
        "demo/quality_complaint_accounting_demo.xml",
        "demo/quality_lot_recall_demo.xml",
        "demo/quality_complaint_returns_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "quality_complaint_returns/static/tests/tours/*.js",
        ],
    },
    "application": False,
}
