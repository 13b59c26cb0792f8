import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("quality_carrier_deduction_tour", {
    steps: () => [
        {
            trigger: ".o_notebook .nav-link:contains('Recoveries')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='recovery_ids'] .o_data_row:contains('QC Carrier')",
        },
        {
            trigger: ".o_form_view button[name='action_quality_charge_carrier']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='partner_id'] input:value('QC Carrier')",
        },
        {
            trigger: ".o_form_view button[name='action_post']:visible",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Posted')",
        },
    ],
});
