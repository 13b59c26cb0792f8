import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("quality_compensation_propose_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_propose_compensation']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_selected_row .o_field_widget[name='quantity'] input",
            run: "edit 10",
        },
        {
            trigger: ".o_field_widget[name='line_ids'] .o_selected_row .o_field_widget[name='price_unit'] input",
            run: "edit 600",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='amount_total']:contains('6,000')",
        },
        {
            trigger: ".o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('To Approve')",
        },
    ],
});

registry.category("web_tour.tours").add("quality_compensation_approve_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(button[name='validate_tier']))",
        },
    ],
});
