import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

function fillMany2one(fieldName, value) {
    return [
        {
            trigger: `.o_field_widget[name='${fieldName}'] input`,
            run: `edit ${value}`,
        },
        {
            trigger: `.o_field_widget[name='${fieldName}'] .o-autocomplete--dropdown-item:contains('${value}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("quality_complaint_backoffice_intake_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: ".o_app[data-menu-xmlid='helpdesk_mgmt.helpdesk_ticket_main_menu']",
            run: "click",
        },
        {
            trigger: ".o_menu_sections button:contains('Quality Complaints')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('All Complaints')",
            run: "click",
        },
        {
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Tour: cracked tiles on arrival",
        },
        ...fillMany2one("team_id", "QC Tour Team"),
        ...fillMany2one("partner_id", "Tour Customer"),
        {
            trigger: ".o_field_html[name='description'] .odoo-editor-editable",
            run: "editor Six tiles of the last delivery are cracked.",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Complaint')",
            run: "click",
        },
        ...fillMany2one("product_id", "QC Tour Tile"),
        ...fillMany2one("lot_id", "QCTOUR-A"),
        {
            trigger: ".o_field_widget[name='complaint_qty'] input",
            run: "edit 6",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});

registry.category("web_tour.tours").add("quality_complaint_portal_intake_tour", {
    url: "/my/tickets",
    steps: () => [
        {
            trigger: "a.o_quality_complaint_new",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "select[name='product_id']",
            run: "selectByLabel QC Tour Tile",
        },
        {
            trigger: "select[name='lot_id']",
            run: "selectByLabel QCTOUR-A",
        },
        {
            trigger: "input[name='complaint_qty']",
            run: "edit 4",
        },
        {
            trigger: "input[name='subject']",
            run: "edit Portal tour: cracked tiles",
        },
        {
            trigger: "textarea[name='description']",
            run: "edit Four tiles were cracked when I opened the boxes.",
        },
        {
            trigger: "button.o_quality_complaint_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "span:contains('QCTOUR-A')",
        },
        {
            trigger: "a[href^='/my/tickets']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: "td.o_quality_complaint_product:contains('QCTOUR-A')",
        },
    ],
});
