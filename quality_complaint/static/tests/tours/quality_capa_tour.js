import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("quality_capa_tour", {
    steps: () => [
        {
            trigger: ".o_notebook .nav-link:contains('Root Cause & CAPA')",
            run: "click",
        },
        {
            trigger:
                ".o_field_widget[name='why_ids'] .o_data_row:contains('Why did the tour tiles crack?')",
        },
        {
            trigger:
                ".o_field_widget[name='capa_action_ids'] .o_data_row:contains('Tour corrective action')",
        },
        {
            trigger: ".oe_stat_button[name='action_view_capa_actions']",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb .active:contains('CAPA Actions')",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('Tour corrective action') .o_data_cell[name='name']",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_record_effectiveness']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='effectiveness_result'] input[data-value='effective']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='effectiveness_note'] textarea",
            run: "edit Checked in the tour",
        },
        {
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(.modal)) button[name='action_done']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
