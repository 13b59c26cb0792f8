import {registry} from "@web/core/registry";

function assertSelected(input, label) {
    if (input.value !== label) {
        throw new Error(`Expected ${label}, got ${input.value}`);
    }
}

registry.category("web_tour.tours").add("quality_complaint_assessment_tour", {
    url: "/odoo/quality-complaints/new",
    steps: () => [
        {
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Broken tiles on arrival",
        },
        {
            trigger: "div[name='quality_missing_facts']:contains('lot')",
        },
        {
            trigger: ".o_notebook .nav-link:contains('5W1H')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='w_where'] input",
            run: "edit Customer's site",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Assessment')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='defect_category_id'] input",
            run: "edit Improper Use",
        },
        {
            trigger: ".ui-autocomplete .dropdown-item:contains('Improper Use')",
            run: "click",
        },
        {
            // Waits for the category's onchange to propose the class and the party
            trigger: ".o_field_widget[name='problem_class'] input:value(Improper Use)",
        },
        {
            trigger: ".o_field_widget[name='responsible_party'] input:value(Customer)",
            run() {
                assertSelected(this.anchor, "Customer");
            },
        },
        {
            trigger: ".o_notebook .nav-link:contains('Complaint')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='product_id']",
        },
        {
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            trigger: ".o_list_view, .o_form_view:not(:has(.o_form_status_indicator_dirty))",
        },
    ],
});
