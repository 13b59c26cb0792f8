import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("quality_complaint_ownership_tour", {
    steps: () => [
        {
            content: "The complaint shows its owner and deadlines",
            trigger: ".o_form_view .o_field_widget[name='first_responsible_id']",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='resolution_deadline']",
        },
        {
            content: "A manager opens the change-of-owner wizard",
            trigger: "button[name='action_open_first_responsible_change']",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='reason'] textarea",
        },
        {
            trigger: ".modal-footer button:contains('Cancel')",
            run: "click",
        },
        {
            content: "The customer was answered by phone",
            trigger: ".o_form_view:not(:has(.modal)) button[name='action_mark_answered']",
            run: "click",
        },
        {
            trigger: ".o_form_view:not(:has(button[name='action_mark_answered']))",
        },
    ],
});

registry.category("web_tour.tours").add("quality_complaint_breach_log_tour", {
    steps: () => [
        {
            content: "The breach log lists the missed deadline",
            trigger: ".o_list_view .o_data_row:contains('QC tour complaint')",
        },
        {
            trigger: ".o_control_panel .o_switch_view.o_pivot",
            run: "click",
        },
        {
            trigger: ".o_pivot_view .o_pivot",
        },
    ],
});
