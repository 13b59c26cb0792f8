import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("quality_complaint_menu_tour", {
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
            trigger: ".o_breadcrumb:contains('Quality Complaints')",
        },
    ],
});
