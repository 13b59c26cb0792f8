import {registry} from "@web/core/registry";

// 1. A complaint user creates the return of an approved proposal.
registry.category("web_tour.tours").add("quality_complaint_returns_create_tour", {
    steps: () => [
        {
            trigger: ".o_form_view button[name='action_quality_create_return']",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='quality_ticket_id']:contains('Tour cracked tiles')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name='move_ids'] .o_data_row:contains('Tour Tile')",
        },
    ],
});

// 2. The warehouse validates the receipt.
registry.category("web_tour.tours").add("quality_complaint_returns_validate_tour", {
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='quality_ticket_id']:contains('Tour cracked tiles')",
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name='button_validate']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});

// 3. Back on the proposal, the replacement delivery is there.
registry.category("web_tour.tours").add("quality_complaint_returns_replacement_tour", {
    steps: () => [
        {
            trigger: ".oe_stat_button[name='action_view_quality_pickings']:contains('2')",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('OUT')",
        },
    ],
});
